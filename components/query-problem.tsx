import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Issue } from "@/lib/schemas/issues";

/** What a list page shows instead of the list when its URL's filters cannot be read. */
export function QueryProblem({ title, issues, reset }: { title: string; issues: Issue[]; reset: { href: string; label: string } }) {
  const t = useTranslations("queryProblem");
  return (
    <section className="space-y-3" aria-labelledby="bad-filters">
      <h1 id="bad-filters" className="text-2xl font-semibold">
        {title}
      </h1>
      <div role="alert" className="rounded-lg border border-red-200 bg-red-50 p-4 text-red-900">
        <p className="font-medium">{t("text")}</p>
        <ul className="mt-2 list-disc ps-5 text-sm">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              <code className="font-mono">{issue.path}</code> <bdi>{issue.message}</bdi>
            </li>
          ))}
        </ul>
      </div>
      <Link href={reset.href} prefetch={false} className="text-sky-800 underline">
        {reset.label}
      </Link>
    </section>
  );
}
