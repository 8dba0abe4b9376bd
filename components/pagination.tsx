import Link from "next/link";
import { useTranslations } from "next-intl";
import { Arrow } from "./arrow";

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
  const t = useTranslations("pagination");
  if (!first && !prev && !next) return null;
  const previous = (
    <>
      <Arrow to="back" /> {t("previous")}
    </>
  );
  const following = (
    <>
      {t("next")} <Arrow to="forward" />
    </>
  );
  return (
    <nav aria-label={label} className="flex flex-wrap items-center justify-end gap-2">
      {first ? (
        <Link href={first} prefetch={false} className={link}>
          {t("first")}
        </Link>
      ) : null}
      {prev ? (
        <Link href={prev} prefetch={false} className={link} rel="prev">
          {previous}
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          {previous}
        </span>
      )}
      {next ? (
        <Link href={next} prefetch={false} className={link} rel="next">
          {following}
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          {following}
        </span>
      )}
    </nav>
  );
}
