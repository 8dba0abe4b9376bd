import Link from "next/link";

type Props = {
  /** Hrefs of the first, previous and next pages; null when there is none. */
  first: string | null;
  prev: string | null;
  next: string | null;
  label: string;
};

const link = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-50";
const disabled = "rounded-md border border-slate-200 px-3 py-1.5 text-sm text-slate-600";

export function Pagination({ first, prev, next, label }: Props) {
  if (!first && !prev && !next) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-end gap-2">
      {first ? (
        <Link href={first} prefetch={false} className={link}>
          First page
        </Link>
      ) : null}
      {prev ? (
        <Link href={prev} prefetch={false} className={link} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          ← Previous
        </span>
      )}
      {next ? (
        <Link href={next} prefetch={false} className={link} rel="next">
          Next →
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          Next →
        </span>
      )}
    </nav>
  );
}
