import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasPermission } from "@/lib/auth/permissions";
import { currentAuditContext, recordBeforeShowing } from "@/lib/audit/record";
import { getMemberHistory } from "@/lib/data/members";
import { defaultMemberPageLimit, memberHref, parseMemberId, parseMemberPageQuery } from "@/lib/schemas/member";
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
  return { title: userId === null ? "Member" : `Member ${userId}` };
}

export default async function MemberPage({ params, searchParams }: Props) {
  const text = (await params).userId;
  const caller = await requirePagePermission("members:read", `/members/${text}`);
  const userId = parseMemberId(text);
  if (userId === null) notFound();
  const parsed = parseMemberPageQuery(await searchParams);
  if (!parsed.ok) return <QueryProblem title={`Member ${userId}`} issues={parsed.issues} reset={{ href: memberHref(userId), label: "Show the newest consultations" }} />;
  const query = parsed.query;
  const [history, timeZone] = await Promise.all([getMemberHistory(caller, userId, query), getViewerTimeZone()]);
  if (!history) notFound();
  const recorded = await recordBeforeShowing(caller, await currentAuditContext(), {
    action: "member.viewed",
    detail: { memberId: userId, consultations: history.member.consultations },
  });
  if (!recorded) return <AuditUnavailable what="a member's history" />;

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
      <BackLink href="/consultations" label="All consultations" />
      <header className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h1 id="member-heading" className="text-2xl font-semibold">
          Member <span className="font-mono">{member.userId}</span>
        </h1>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-4">
          <Field label="Member (user id)">
            <span className="font-mono">{member.userId}</span>
          </Field>
          <Field label="Insurance id">
            <MemberIdValues values={member.insuranceIds} testId="insurance-ids" />
          </Field>
          <Field label="Policy number">
            <MemberIdValues values={member.policyNumbers} policy testId="policy-numbers" />
          </Field>
          <Field label="Consultations" testId="consultation-count">
            {member.consultations}
          </Field>
        </dl>
      </header>

      <section aria-labelledby="consultations-heading" className="space-y-3">
        <h2 id="consultations-heading" className="text-lg font-semibold">
          Consultations, newest first
        </h2>
        {consultations.length > 0 ? (
          <div className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white">
            <MemberConsultationTable items={consultations} timeZone={timeZone} />
          </div>
        ) : (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700">There is no consultation on this page any more.</p>
        )}
        <Pagination
          label="Pages of the member's consultations"
          first={paged ? memberHref(userId) : null}
          prev={page.prev ? href("before", page.prev) : null}
          next={page.next ? href("after", page.next) : null}
        />
      </section>

      <section aria-labelledby="prescriptions-heading" className="space-y-3">
        <h2 id="prescriptions-heading" className="text-lg font-semibold">
          Prescriptions
        </h2>
        <p className="text-sm text-slate-700">
          Every drug of each consultation&apos;s current recommendation, newest first. A generic drug (same name, any case) prescribed again within{" "}
          {history.repeatWindowDays} days is flagged <strong>Repeat</strong> on both prescriptions
          {repeats > 0 ? ` (${repeats === 1 ? "1 repeat" : `${repeats} repeats`})` : ""}.
        </p>
        {hasPermission(caller.role, "export") ? (
          <p className="text-sm">
            {/* A download, not a page: every prescription of the member with its repeat flags (docs/api.md, "Member export"). */}
            <a href={`/api/members/${userId}/export`} download className="text-sky-800 underline" data-testid="export-csv">
              Export CSV
            </a>
            <span className="text-slate-600"> — every prescription of this member, with its repeat flags</span>
          </p>
        ) : null}
        {history.prescriptionsTruncated ? (
          <p className="text-sm text-slate-700" data-testid="prescriptions-truncated">
            Only the newest {prescriptions.length} prescriptions are listed and checked for repeats.
          </p>
        ) : null}
        {prescriptions.length > 0 ? (
          <div className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white">
            <MemberPrescriptionTable items={prescriptions} timeZone={timeZone} />
          </div>
        ) : (
          <p className="rounded-lg border border-slate-200 bg-white p-4 text-slate-700" data-testid="no-prescriptions">
            No drug has been prescribed to this member.
          </p>
        )}
      </section>
    </article>
  );
}
