import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/caller";
import { currentAuditContext, recordBeforeShowing } from "@/lib/audit/record";
import { listPolicyMembers } from "@/lib/data/members";
import { policyHref } from "@/lib/member-hrefs";
import { parsePolicyQuery } from "@/lib/schemas/member";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { AuditUnavailable } from "@/components/audit-unavailable";
import { DataTable } from "@/components/data-table";
import { LocalTime } from "@/components/local-time";
import { MemberLink } from "@/components/member-links";
import { QueryProblem } from "@/components/query-problem";
import { BackLink } from "@/components/record-header";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("policyMembers"))("title") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const input = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";

function PolicyForm({ value }: { value?: string }) {
  const t = useTranslations("policyMembers");
  return (
    <form action="/members" method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label={t("form")}>
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-slate-700">{t("policyNumber")}</span>
        <input type="search" name="policy" defaultValue={value} maxLength={256} className={input} dir="auto" />
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-800">
        {t("show")}
      </button>
    </form>
  );
}

/** The members seen with one policy number (a holder and their dependants), latest seen first. */
export default async function PolicyMembersPage({ searchParams }: Props) {
  const params = await searchParams;
  const parsed = parsePolicyQuery(params);
  const policy = parsed.ok ? parsed.query.policy : undefined;
  const caller = await requirePagePermission("members:read", policy ? policyHref(policy) : "/members");
  const [t, back] = await Promise.all([getTranslations("policyMembers"), getTranslations("backLink")]);
  if (!parsed.ok) return <QueryProblem title={t("title")} issues={parsed.issues} reset={{ href: "/members", label: t("startAgain") }} />;
  if (!policy) {
    return (
      <div className="space-y-4">
        <BackLink href="/consultations" label={back("allConsultations")} />
        <h1 className="text-2xl font-semibold">{t("title")}</h1>
        <p className="text-slate-700">{t("intro")}</p>
        <PolicyForm />
      </div>
    );
  }
  const [list, timeZone] = await Promise.all([listPolicyMembers(caller, policy), getViewerTimeZone()]);
  const recorded = await recordBeforeShowing(caller, await currentAuditContext(), {
    action: "member.viewed",
    detail: { policyNumber: policy, members: list.members.length },
  });
  if (!recorded) return <AuditUnavailable what="policyMembers" />;
  const number = new Intl.NumberFormat(await getLocale());

  return (
    <div className="space-y-4">
      <BackLink href="/consultations" label={back("allConsultations")} />
      <h1 className="text-2xl font-semibold" aria-describedby="policy-note">
        {t.rich("heading", {
          policy: () => (
            <bdi className="font-mono" data-testid="policy-number">
              {policy}
            </bdi>
          ),
        })}
      </h1>
      <p id="policy-note" className="text-sm text-slate-700">
        {t("note")}
        {list.withoutMember > 0 ? t("withoutMember", { count: list.withoutMember }) : ""}
      </p>
      <PolicyForm value={policy} />
      {list.members.length > 0 ? (
        <div className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white">
          <DataTable caption={t("caption", { policy })} headers={[t("member"), t("consultations"), t("lastEvent")]} testId="policy-members">
            {list.members.map((member) => (
              <tr key={member.userId} data-member-id={member.userId}>
                <td data-label={t("member")}>
                  <MemberLink userId={member.userId} />
                </td>
                <td data-label={t("consultations")}>{number.format(member.consultations)}</td>
                <td data-label={t("lastEvent")}>
                  <LocalTime utc={member.lastEvent} timeZone={timeZone} />
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700" data-testid="no-members">
          <p>{t("none")}</p>
          <Link href="/consultations" prefetch={false} className="mt-2 inline-block text-sky-800 underline">
            {back("allConsultationsBack")}
          </Link>
        </div>
      )}
      {list.truncated ? <p className="text-sm text-slate-700">{t("truncated", { count: list.members.length })}</p> : null}
    </div>
  );
}
