import Link from "next/link";

// Rendered (with status 403) when a signed-in role lacks a page's permission: see lib/auth/caller.ts.
export default function Forbidden() {
  return (
    <section className="mx-auto max-w-xl space-y-3 rounded-lg border border-amber-200 bg-amber-50 p-6 text-amber-950" aria-labelledby="forbidden-heading">
      <h1 id="forbidden-heading" className="text-xl font-semibold">
        Your role may not open this page
      </h1>
      <p>You are signed in, but this page is not part of your role. Ask an administrator if you need it.</p>
      <Link href="/" prefetch={false} className="text-sky-800 underline">
        Go to your start page
      </Link>
    </section>
  );
}
