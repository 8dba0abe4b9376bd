import type { Metadata } from "next";
import Link from "next/link";
import { requirePagePermission } from "@/lib/auth/caller";
import { currentAuditContext, recordBeforeShowing } from "@/lib/audit/record";
import { listPolicyMembers } from "@/lib/data/members";
import { parsePolicyQuery, policyHref } from "@/lib/schemas/member";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { AuditUnavailable } from "@/components/audit-unavailable";
import { DataTable } from "@/components/data-table";
import { LocalTime } from "@/components/local-time";
import { MemberLink } from "@/components/member-links";
import { QueryProblem } from "@/components/query-problem";
import { BackLink } from "@/components/record-header";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Members of a policy" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const input = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm";

function PolicyForm({ value }: { value?: string }) {
  return (
    <form action="/members" method="get" className="flex flex-wrap items-end gap-2" role="search" aria-label="Members by policy number">
      <label className="flex flex-col gap-1 text-sm">
        <span className="text-slate-700">Policy number</span>
        <input type="search" name="policy" defaultValue={value} maxLength={256} className={input} dir="auto" />
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-slate-800">
        Show members
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
  if (!parsed.ok) return <QueryProblem title="Members of a policy" issues={parsed.issues} reset={{ href: "/members", label: "Start again" }} />;
  if (!policy) {
    return (
      <div className="space-y-4">
        <BackLink href="/consultations" label="All consultations" />
        <h1 className="text-2xl font-semibold">Members of a policy</h1>
        <p className="text-slate-700">Several members can share a policy (a holder and their dependants). Give a policy number to list the members seen with it.</p>
        <PolicyForm />
      </div>
    );
  }
  const [list, timeZone] = await Promise.all([listPolicyMembers(caller, policy), getViewerTimeZone()]);
  const recorded = await recordBeforeShowing(caller, await currentAuditContext(), {
    action: "member.viewed",
    detail: { policyNumber: policy, members: list.members.length },
  });
  if (!recorded) return <AuditUnavailable what="a policy's members" />;

  return (
    <div className="space-y-4">
      <BackLink href="/consultations" label="All consultations" />
      <h1 className="text-2xl font-semibold" aria-describedby="policy-note">
        Members of policy <bdi className="font-mono" data-testid="policy-number">{policy}</bdi>
      </h1>
      <p id="policy-note" className="text-sm text-slate-700">
        Every member whose latest consultation data carried this policy number, latest seen first.
        {list.withoutMember > 0 ? ` ${list.withoutMember} consultation${list.withoutMember === 1 ? "" : "s"} with this policy carried no member id.` : ""}
      </p>
      <PolicyForm value={policy} />
      {list.members.length > 0 ? (
        <div className="md:overflow-x-auto md:rounded-lg md:border md:border-slate-200 md:bg-white">
          <DataTable caption={`Members seen with policy ${policy}`} headers={["Member", "Consultations with this policy", "Last event"]} testId="policy-members">
            {list.members.map((member) => (
              <tr key={member.userId} data-member-id={member.userId}>
                <td data-label="Member">
                  <MemberLink userId={member.userId} />
                </td>
                <td data-label="Consultations with this policy">{member.consultations}</td>
                <td data-label="Last event">
                  <LocalTime utc={member.lastEvent} timeZone={timeZone} />
                </td>
              </tr>
            ))}
          </DataTable>
        </div>
      ) : (
        <div className="rounded-lg border border-slate-200 bg-white p-6 text-slate-700" data-testid="no-members">
          <p>No member has been seen with this policy number.</p>
          <Link href="/consultations" prefetch={false} className="mt-2 inline-block text-sky-800 underline">
            Back to all consultations
          </Link>
        </div>
      )}
      {list.truncated ? <p className="text-sm text-slate-700">Only the {list.members.length} members seen most recently are listed.</p> : null}
    </div>
  );
}
