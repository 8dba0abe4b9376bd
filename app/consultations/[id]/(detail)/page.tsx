import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasPermission } from "@/lib/auth/permissions";
import { currentAuditContext, recordBeforeShowing } from "@/lib/audit/record";
import { listConsultationOpenings } from "@/lib/data/audit";
import { getConsultation } from "@/lib/data/consultation";
import { getErasurePreview } from "@/lib/data/erasure-preview";
import { listAssignableUsers, listConsultationTasks } from "@/lib/data/tasks";
import { parseConsultationId } from "@/lib/schemas/ids";
import { formatDuration } from "@/lib/time/format";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { AuditUnavailable } from "@/components/audit-unavailable";
import { WhoOpened } from "@/components/audit/who-opened";
import { Field } from "@/components/field";
import { LiveConsultations } from "@/components/live-refresh";
import { LocalTime } from "@/components/local-time";
import { MemberLink, PolicyLink } from "@/components/member-links";
import { RecommendationViewer } from "@/components/recommendation-viewer";
import { BackLink, RecordHeader } from "@/components/record-header";
import { EraseConsultation } from "@/components/erase-consultation";
import { StatusBadge } from "@/components/status-badge";
import { StatusTimeline } from "@/components/status-timeline";
import { TaskBoard } from "@/components/task-board";
import { taskAction } from "@/app/worklist/actions";
import { revealDispenseAction } from "../reveal-actions";
import { eraseConsultationAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const id = parseConsultationId((await params).id);
  return { title: id === null ? "Consultation" : `Consultation ${id}` };
}

function Text({ value }: { value: string | null }) {
  return value === null || value === "" ? <span className="font-normal text-slate-600">none</span> : <span dir="auto">{value}</span>;
}

export default async function ConsultationPage({ params, searchParams }: Props) {
  const text = (await params).id;
  const caller = await requirePagePermission("consultations:read", `/consultations/${text}`);
  const id = parseConsultationId(text);
  if (id === null) notFound();
  const versionText = (await searchParams).version;
  const version = typeof versionText === "string" && /^\d{1,6}$/.test(versionText) ? Number(versionText) : undefined;

  const mayErase = hasPermission(caller.role, "consultations:erase");
  const mayManageTasks = hasPermission(caller.role, "tasks:manage");
  const [detail, timeZone, erasure, tasks, assignable] = await Promise.all([
    getConsultation(caller, id),
    getViewerTimeZone(),
    mayErase ? getErasurePreview(caller, BigInt(id)) : null,
    listConsultationTasks(caller, id, new Date()),
    mayManageTasks ? listAssignableUsers(caller) : [],
  ]);
  if (!detail) notFound();
  const { consultation, timeline, recommendations } = detail;
  // The version the viewer shows (RecommendationViewer picks the same one), recorded before anything is sent.
  const shown = recommendations.find((rec) => rec.version === version) ?? recommendations.find((rec) => rec.current) ?? recommendations[0];
  const recorded = await recordBeforeShowing(caller, await currentAuditContext(), {
    action: "consultation.viewed",
    consultationId: id,
    recommendationId: shown?.id ?? null,
    detail: { via: "page", versions: recommendations.length },
  });
  if (!recorded) return <AuditUnavailable what="a consultation" />;
  const openings = hasPermission(caller.role, "audit:read") && caller.role === "admin" ? await listConsultationOpenings(caller, id, 10) : null;
  // The live refresh starts from the version rendered here (what /api/consultations/changes?id= would say).
  const changes = { cursor: consultation.updatedAt, changes: [{ id: consultation.id, updatedAt: consultation.updatedAt }], truncated: false };
  const now = new Date();

  return (
    <article className="space-y-6" aria-labelledby="consultation-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <BackLink href="/consultations" label="All consultations" />
        <LiveConsultations initial={changes} consultationId={id} />
      </div>

      <RecordHeader
        headingId="consultation-heading"
        kind="Consultation"
        id={consultation.id}
        badges={
          <>
            <StatusBadge status={consultation.status} />
            {consultation.statusSince ? (
              <span className="text-sm text-slate-700">for {formatDuration(now.getTime() - Date.parse(consultation.statusSince.utc))}</span>
            ) : null}
          </>
        }
      >
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
          <Field label="Member (user id)">
            <MemberLink userId={consultation.userId} blank="none" />
          </Field>
          <Field label="Insurance id">
            <Text value={consultation.insuranceId} />
          </Field>
          <Field label="Policy number">
            <PolicyLink policyNumber={consultation.policyNumber} blank="none" />
          </Field>
          <Field label="In status since">
            {consultation.statusSince ? (
              <LocalTime utc={consultation.statusSince.utc} sent={consultation.statusSince.sent} timeZone={timeZone} />
            ) : (
              <span className="font-normal text-slate-600">no status yet</span>
            )}
          </Field>
          <Field label="First seen">
            <LocalTime utc={consultation.firstSeenAt} timeZone={timeZone} relativeTo={now} />
          </Field>
          <Field label="Last event">
            <LocalTime utc={consultation.lastEventTime.utc} sent={consultation.lastEventTime.sent} timeZone={timeZone} relativeTo={now} />
          </Field>
        </dl>
      </RecordHeader>

      {/* The timeline comes first (and first on a phone); on a wide screen it sits beside the recommendation. */}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="timeline-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 lg:col-start-2 lg:row-start-1">
          <h2 id="timeline-heading" className="text-lg font-semibold">
            Status timeline
          </h2>
          <StatusTimeline events={timeline} timeZone={timeZone} now={now} />
        </section>
        <section aria-labelledby="recommendation-heading" className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-4 lg:col-start-1 lg:row-start-1">
          <h2 id="recommendation-heading" className="text-lg font-semibold">
            Recommendation
          </h2>
          <RecommendationViewer consultationId={consultation.id} recommendations={recommendations} version={version} timeZone={timeZone} revealDispense={revealDispenseAction} />
        </section>
      </div>
      <section aria-labelledby="tasks-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="tasks-heading" className="text-lg font-semibold">
          Tasks
        </h2>
        {tasks.length > 0 ? (
          <TaskBoard tasks={tasks} timeZone={timeZone} meId={caller.userId} assignable={assignable} action={mayManageTasks ? taskAction : null} label="Tasks of this consultation" />
        ) : (
          <p className="text-sm text-slate-600" data-testid="no-tasks">
            No task: the current recommendation has no follow-up item or referral.
          </p>
        )}
      </section>
      {openings ? <WhoOpened openings={openings} consultationId={consultation.id} timeZone={timeZone} /> : null}
      {erasure ? <EraseConsultation consultationId={id} counts={erasure} action={eraseConsultationAction} /> : null}
    </article>
  );
}
