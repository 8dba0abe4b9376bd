import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { useTranslations } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasPermission } from "@/lib/auth/permissions";
import { currentAuditContext, recordBeforeShowing } from "@/lib/audit/record";
import { listConsultationOpenings } from "@/lib/data/audit";
import { getConsultationForRequest } from "@/lib/data/consultation-detail";
import { getErasurePreview } from "@/lib/data/erasure-preview";
import { listAssignableUsers, listConsultationTasks } from "@/lib/data/tasks";
import { durationText } from "@/lib/i18n/duration";
import { formatText } from "@/lib/i18n/format-template";
import { parseConsultationId } from "@/lib/schemas/ids";
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
  const t = await getTranslations("consultation");
  return { title: id === null ? t("kind") : formatText(t, "title", { id: String(id) }) };
}

function Text({ value }: { value: string | null }) {
  const t = useTranslations("consultation");
  return value === null || value === "" ? <span className="font-normal text-slate-600">{t("none")}</span> : <span dir="auto">{value}</span>;
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
  // The audit row names the version shown, so it waits for the consultation's read, but not for
  // the other reads: it is written while they run, not in one more round trip after them all.
  const context = currentAuditContext();
  const read = getConsultationForRequest(caller, id);
  const audited = read.then(async (detail) => {
    if (!detail) return false;
    // The version the viewer shows (RecommendationViewer picks the same one), recorded before anything is sent.
    const { recommendations } = detail;
    const shown = recommendations.find((rec) => rec.version === version) ?? recommendations.find((rec) => rec.current) ?? recommendations[0];
    return recordBeforeShowing(caller, await context, {
      action: "consultation.viewed",
      consultationId: id,
      recommendationId: shown?.id ?? null,
      detail: { via: "page", versions: recommendations.length },
    });
  });
  const [detail, recorded, timeZone, erasure, tasks, assignable] = await Promise.all([
    read,
    audited,
    getViewerTimeZone(),
    mayErase ? getErasurePreview(caller, BigInt(id)) : null,
    listConsultationTasks(caller, id, new Date()),
    mayManageTasks ? listAssignableUsers(caller) : [],
  ]);
  if (!detail) notFound();
  const { consultation, timeline, recommendations } = detail;
  if (!recorded) return <AuditUnavailable what="consultation" />;
  const openings = hasPermission(caller.role, "audit:read") && caller.role === "admin" ? await listConsultationOpenings(caller, id, 10) : null;
  // The live refresh starts from the version rendered here (what /api/consultations/changes?id= would say).
  const changes = { cursor: consultation.updatedAt, changes: [{ id: consultation.id, updatedAt: consultation.updatedAt }], truncated: false };
  const now = new Date();
  const [t, back, durations, locale] = await Promise.all([getTranslations("consultation"), getTranslations("backLink"), getTranslations("duration"), getLocale()]);

  return (
    <article className="space-y-6" aria-labelledby="consultation-heading">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <BackLink href="/consultations" label={back("allConsultations")} />
        <LiveConsultations initial={changes} consultationId={id} />
      </div>

      <RecordHeader
        headingId="consultation-heading"
        kind={t("kind")}
        id={consultation.id}
        badges={
          <>
            <StatusBadge status={consultation.status} />
            {consultation.statusSince ? (
              <span className="text-sm text-slate-700">{formatText(t, "for", { duration: durationText(durations, now.getTime() - Date.parse(consultation.statusSince.utc), locale) })}</span>
            ) : null}
          </>
        }
      >
        <dl className="grid grid-cols-2 gap-x-6 gap-y-3 text-sm sm:grid-cols-3 lg:grid-cols-6">
          <Field label={t("member")}>
            <MemberLink userId={consultation.userId} blank="none" />
          </Field>
          <Field label={t("insuranceId")}>
            <Text value={consultation.insuranceId} />
          </Field>
          <Field label={t("policyNumber")}>
            <PolicyLink policyNumber={consultation.policyNumber} blank="none" />
          </Field>
          <Field label={t("statusSince")}>
            {consultation.statusSince ? (
              <LocalTime utc={consultation.statusSince.utc} sent={consultation.statusSince.sent} timeZone={timeZone} />
            ) : (
              <span className="font-normal text-slate-600">{t("noStatus")}</span>
            )}
          </Field>
          <Field label={t("firstSeen")}>
            <LocalTime utc={consultation.firstSeenAt} timeZone={timeZone} relativeTo={now} />
          </Field>
          <Field label={t("lastEvent")}>
            <LocalTime utc={consultation.lastEventTime.utc} sent={consultation.lastEventTime.sent} timeZone={timeZone} relativeTo={now} />
          </Field>
        </dl>
      </RecordHeader>

      {/* The timeline comes first (and first on a phone); on a wide screen it sits beside the recommendation. */}
      <div className="grid items-start gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="timeline-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 lg:col-start-2 lg:row-start-1">
          <h2 id="timeline-heading" className="text-lg font-semibold">
            {t("timeline")}
          </h2>
          <StatusTimeline events={timeline} timeZone={timeZone} now={now} />
        </section>
        <section aria-labelledby="recommendation-heading" className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white p-4 lg:col-start-1 lg:row-start-1">
          <h2 id="recommendation-heading" className="text-lg font-semibold">
            {t("recommendation")}
          </h2>
          <RecommendationViewer consultationId={consultation.id} recommendations={recommendations} version={version} timeZone={timeZone} revealDispense={revealDispenseAction} />
        </section>
      </div>
      <section aria-labelledby="tasks-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="tasks-heading" className="text-lg font-semibold">
          {t("tasks")}
        </h2>
        {tasks.length > 0 ? (
          <TaskBoard tasks={tasks} timeZone={timeZone} meId={caller.userId} assignable={assignable} action={mayManageTasks ? taskAction : null} label={t("tasksLabel")} />
        ) : (
          <p className="text-sm text-slate-600" data-testid="no-tasks">
            {t("noTasks")}
          </p>
        )}
      </section>
      {openings ? <WhoOpened openings={openings} consultationId={consultation.id} timeZone={timeZone} /> : null}
      {erasure ? <EraseConsultation consultationId={id} counts={erasure} action={eraseConsultationAction} /> : null}
    </article>
  );
}
