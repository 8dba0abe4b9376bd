"use client";
// The reprocess page's form: a filter and a dry run first; Apply runs exactly the dry run's filter.
import { useLocale, useTranslations } from "next-intl";
import { useActionState } from "react";
import type { ReprocessSummary } from "@/lib/reprocess/filter";
import { FormMessage } from "./action-form";

type State = { ok: boolean; message: string; summary?: ReprocessSummary; fields?: Record<string, string> } | null;

const input = "block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100";

/** Each row's test id is the English label's slug, as it was before the page was translated. */
const rowIds = {
  selected: "deliveries-selected",
  accepted: "valid-today",
  newConsultations: "new-consultations",
  statusChanges: "status-changes",
  newStatusEvents: "new-status-events",
  newRecommendationVersions: "new-recommendation-versions",
  nowAccepted: "once-refused-now-accepted",
  nowDuplicate: "once-refused-now-a-duplicate",
  unchanged: "unchanged",
  stillRejected: "still-rejected",
} as const;

function Summary({ summary }: { summary: ReprocessSummary }) {
  const t = useTranslations("adminReprocess");
  const number = new Intl.NumberFormat(useLocale());
  // Ids stay as sent (no grouping), in their own isolate.
  const ids = (list: readonly (number | string)[]) => list.join(", ");
  const status = (value: string | null) => value ?? t("statusNone");
  const rows: [keyof typeof rowIds, React.ReactNode][] = [
    ["selected", number.format(summary.selected)],
    ["accepted", number.format(summary.accepted)],
    ["newConsultations", summary.newConsultations.length ? t("listed", { count: number.format(summary.newConsultations.length), ids: ids(summary.newConsultations) }) : number.format(0)],
    [
      "statusChanges",
      summary.statusChanges.length ? summary.statusChanges.map((c) => `${c.consultationId}: ${status(c.from)} → ${status(c.to)}`).join("; ") : number.format(0),
    ],
    ["newStatusEvents", number.format(summary.newStatusEvents)],
    ["newRecommendationVersions", number.format(summary.newRecommendationVersions)],
    ["nowAccepted", summary.nowAccepted.length ? t("deliveriesListed", { count: number.format(summary.nowAccepted.length), ids: ids(summary.nowAccepted) }) : number.format(0)],
    ["nowDuplicate", number.format(summary.nowDuplicate.length)],
    ["unchanged", number.format(summary.unchanged)],
    ["stillRejected", number.format(summary.stillRejected.length)],
  ];
  return (
    <div className="space-y-3" data-testid={summary.dryRun ? "dry-run-summary" : "apply-summary"}>
      <h2 className="text-lg font-semibold">
        {summary.dryRun ? t("dryRun") : t("applied")}: <bdi>{summary.filterText}</bdi>
      </h2>
      <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        {rows.map(([key, value]) => (
          <div key={key} className="contents">
            <dt className="text-slate-600">{t(`rows.${key}`)}</dt>
            <dd className="font-medium break-words" data-testid={`summary-${rowIds[key]}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {summary.stillRejected.length > 0 ? (
        <ul className="max-w-3xl list-disc ps-5 text-sm">
          {summary.stillRejected.slice(0, 50).map((entry) => (
            <li key={entry.deliveryId}>
              <a href={`/deliveries/${entry.deliveryId}`} className="text-sky-800 underline">
                {t("delivery", { id: String(entry.deliveryId) })}
              </a>
              : <bdi className="break-words">{entry.reason}</bdi>
            </li>
          ))}
        </ul>
      ) : null}
      {summary.nextAfterId !== null ? <p className="text-sm">{t("more", { id: String(summary.nextAfterId) })}</p> : null}
    </div>
  );
}

export function ReprocessForm({ action, outcomes }: { action: (previous: State, form: FormData) => Promise<State>; outcomes: readonly string[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const t = useTranslations("adminReprocess");
  const outcomeNames = useTranslations("outcome");
  const fields = state?.fields ?? {};
  const dry = state?.summary?.dryRun ? state : null;
  return (
    <div className="space-y-6">
      <form action={formAction} aria-label={t("form")} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="text-sm">
          {t("deliveryId")} <input name="deliveryId" type="number" min={1} defaultValue={fields.deliveryId} className={input} />
        </label>
        <label className="text-sm">
          {t("outcome")}
          <select name="outcome" defaultValue={fields.outcome ?? ""} className={input}>
            <option value="">{t("processedOrRejected")}</option>
            {outcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcomeNames.has(outcome as "processed") ? outcomeNames(outcome as "processed") : outcome}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          {t("type")} <input name="type" type="text" maxLength={64} placeholder="status_update" defaultValue={fields.type} className={input} dir="ltr" />
        </label>
        <label className="text-sm">
          {t("consultation")} <input name="consultationId" type="number" min={1} defaultValue={fields.consultationId} className={input} />
        </label>
        <label className="text-sm">
          {t("since")} <input name="since" type="date" defaultValue={fields.since} className={input} />
        </label>
        <label className="text-sm">
          {t("until")} <input name="until" type="date" defaultValue={fields.until} className={input} />
        </label>
        <label className="text-sm">
          {t("afterId")} <input name="afterId" type="number" min={0} defaultValue={fields.afterId} className={input} />
        </label>
        <button type="submit" name="intent" value="dry-run" className={button} disabled={pending}>
          {t("dryRun")}
        </button>
      </form>
      <FormMessage state={state} />
      {state?.summary ? <Summary summary={state.summary} /> : null}
      {dry && dry.summary && dry.summary.selected > 0 ? (
        <form action={formAction} aria-label={t("applyForm")}>
          {Object.entries(dry.fields ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" name="intent" value="apply" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-slate-700" disabled={pending}>
            {t("applyTo", { count: dry.summary.selected })}
          </button>
        </form>
      ) : null}
    </div>
  );
}
