// The smallest server-rendered page: the benchmark's yardstick for what the list and detail pages
// cost beyond rendering any page at all (the root layout included). It reads no data.
export const dynamic = "force-dynamic";

export const metadata = { title: "Hello" };

export default function HelloPage() {
  return <p>hello</p>;
}
