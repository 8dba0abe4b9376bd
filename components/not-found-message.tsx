import Link from "next/link";

/** What a not-found.tsx shows. */
export function NotFoundMessage({ title, children, back }: { title: string; children: React.ReactNode; back: { href: string; label: string } }) {
  return (
    <section aria-labelledby="not-found-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <h1 id="not-found-heading" className="text-xl font-semibold">
        {title}
      </h1>
      <div className="text-slate-700">{children}</div>
      <Link href={back.href} className="inline-block text-sky-800 underline">
        {back.label}
      </Link>
    </section>
  );
}
