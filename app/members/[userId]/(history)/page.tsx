import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasPermission } from "@/lib/auth/permissions";
import { currentAuditContext, recordBeforeShowing } from "@/lib/audit/record";
import { getMemberHistory } from "@/lib/data/members";
import { memberHref } from "@/lib/member-hrefs";
import { defaultMemberPageLimit, parseMemberId, parseMemberPageQuery } from "@/lib/schemas/member";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { AuditUnavailable } from "@/components/audit-unavailable";
import { Field } from "@/components/field";
import { MemberConsultationTable, MemberIdValues, MemberPrescriptionTable } from "@/components/member-history";
import { Pagination } from "@/components/pagination";
import { QueryProblem } from "@/components/query-problem";
import { BackLink } from "@/components/record-header";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ userId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const userId = parseMemberId((await params).userId);
  const t = await getTranslations("member");
  return { title: userId === null ? t("kind") : t("title", { id: userId }) };
}

export default async function MemberPage({ params, searchParams }: Props) {
  const text = (await params).userId;
  const caller = await requirePagePermission("members:read", `/members/${text}`);
  const userId = parseMemberId(text);
  if (userId === null) notFound();
  const parsed = parseMemberPageQuery(await searchParams);
  const [t, back, locale] = await Promise.all([getTranslations("member"), getTranslations("backLink"), getLocale()]);
  if (!parsed.ok) return <QueryProblem title={t("title", { id: userId })} issues={parsed.issues} reset={{ href: memberHref(userId), label: t("showNewest") }} />;
  const query = parsed.query;
  const [history, timeZone] = await Promise.all([getMemberHistory(caller, userId, query), getViewerTimeZone()]);
  if (!history) notFound();
  const recorded = await recordBeforeShowing(caller, await currentAuditContext(), {
    action: "member.viewed",
    detail: { memberId: userId, consultations: history.member.consultations },
  });
  if (!recorded) return <AuditUnavailable what="memberHistory" />;

  const { member, consultations, page, prescriptions } = history;
  /** A page's address: `next` and `prev` are cursors already (`after=` / `before=`). */
  const href = (direction: "after" | "before", cursor: string) => {
    const params = new URLSearchParams({ [direction]: cursor });
    if (query.limit !== defaultMemberPageLimit) params.set("limit", String(query.limit));
    return `${memberHref(userId)}?${params}`;
  };
  const paged = query.after !== undefined || query.before !== undefined;
  const repeats = prescriptions.filter((item) => item.repeatOf !== null).length;

  return (
    <article className="space-y-6" aria-labelledby="member-heading">
      <BackLink href="/consultations" label={back("allConsultations")} />
      <header className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h1 id="member-heading" className="text-2xl font-semibold">
          {t("kind")} <bdi className="font-mono">{member.userId}</bdi>
        </h1>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
          <Field label={t("userId")}>
            <bdi className="font-mono">{member.userId}</bdi>
          </Field>
          <Field label={t("insuranceId")}>
            <MemberIdValues values={member.insuranceIds} testId="insurance-ids" />
          </Field>
          <Field label={t("policyNumber")}>
            <MemberIdValues values={member.policyNumbers} policy testId="policy-numbers" />
          </Field>
          <Field label={t("consultations")} testId="consultation-count">
            {new Intl.NumberFormat(locale).format(member.consultations)}
          </Field>
        </dl>
      </header>

      <section aria-labelledby="consultations-heading" className="space-y-3">
        <h2 id="consultations-heading" className="text-lg font-semibold">
          {t("consultationsHeading")}
        </h2>
        {consultations.length > 0 ? (
          <div className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white">
            <MemberConsultationTable items={consultations} timeZone={timeZone} />
          </div>
        ) : (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">{t("pageGone")}</p>
        )}
        <Pagination
          label={t("pages")}
          first={paged ? memberHref(userId) : null}
          prev={page.prev ? href("before", page.prev) : null}
          next={page.next ? href("after", page.next) : null}
        />
      </section>

      <section aria-labelledby="prescriptions-heading" className="space-y-3">
        <h2 id="prescriptions-heading" className="text-lg font-semibold">
          {t("prescriptions")}
        </h2>
        <p className="text-sm text-slate-700">
          {t.rich("prescriptionsIntro", { days: history.repeatWindowDays, strong: (chunks) => <strong>{chunks}</strong> })}
          {repeats > 0 ? t("repeats", { count: repeats }) : ""}.
        </p>
        {hasPermission(caller.role, "export") ? (
          <p className="text-sm">
            {/* A download, not a page: every prescription of the member with its repeat flags (docs/api.md, "Member export"). */}
            <a href={`/api/members/${userId}/export`} download className="text-sky-800 underline" data-testid="export-csv">
              {t("exportCsv")}
            </a>
            <span className="text-slate-600">{t("exportNote")}</span>
          </p>
        ) : null}
        {history.prescriptionsTruncated ? (
          <p className="text-sm text-slate-700" data-testid="prescriptions-truncated">
            {t("prescriptionsTruncated", { count: prescriptions.length })}
          </p>
        ) : null}
        {prescriptions.length > 0 ? (
          <div className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white">
            <MemberPrescriptionTable items={prescriptions} timeZone={timeZone} />
          </div>
        ) : (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700" data-testid="no-prescriptions">
            {t("noPrescriptions")}
          </p>
        )}
      </section>
    </article>
  );
}
