"use client";
// The reprocess page's form: a filter and a dry run first; Apply runs exactly the dry run's filter.
import { useActionState } from "react";
import type { ReprocessSummary } from "@/lib/reprocess/filter";
import { FormMessage } from "./action-form";

type State = { ok: boolean; message: string; summary?: ReprocessSummary; fields?: Record<string, string> } | null;

const input = "block rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100";

function Summary({ summary }: { summary: ReprocessSummary }) {
  const rows: [string, React.ReactNode][] = [
    ["Deliveries selected", summary.selected],
    ["Valid today", summary.accepted],
    ["New consultations", summary.newConsultations.length ? `${summary.newConsultations.length}: ${summary.newConsultations.join(", ")}` : 0],
    ["Status changes", summary.statusChanges.length ? summary.statusChanges.map((c) => `${c.consultationId}: ${c.from ?? "none"} → ${c.to ?? "none"}`).join("; ") : 0],
    ["New status events", summary.newStatusEvents],
    ["New recommendation versions", summary.newRecommendationVersions],
    ["Once refused, now accepted", summary.nowAccepted.length ? `${summary.nowAccepted.length}: deliveries ${summary.nowAccepted.join(", ")}` : 0],
    ["Once refused, now a duplicate", summary.nowDuplicate.length],
    ["Unchanged", summary.unchanged],
    ["Still rejected", summary.stillRejected.length],
  ];
  return (
    <div className="space-y-3" data-testid={summary.dryRun ? "dry-run-summary" : "apply-summary"}>
      <h2 className="text-lg font-semibold">{summary.dryRun ? "Dry run" : "Applied"}: {summary.filterText}</h2>
      <dl className="grid max-w-3xl grid-cols-[auto_1fr] gap-x-6 gap-y-1 text-sm">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-slate-600">{label}</dt>
            <dd className="font-medium break-words" data-testid={`summary-${label.toLowerCase().replace(/[^a-z]+/g, "-")}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      {summary.stillRejected.length > 0 ? (
        <ul className="max-w-3xl list-disc pl-5 text-sm">
          {summary.stillRejected.slice(0, 50).map((entry) => (
            <li key={entry.deliveryId}>
              <a href={`/deliveries/${entry.deliveryId}`} className="text-sky-800 underline">
                Delivery {entry.deliveryId}
              </a>
              : <span className="break-words">{entry.reason}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {summary.nextAfterId !== null ? <p className="text-sm">More deliveries match: run again with “after delivery id” {summary.nextAfterId}.</p> : null}
    </div>
  );
}

export function ReprocessForm({ action, outcomes }: { action: (previous: State, form: FormData) => Promise<State>; outcomes: readonly string[] }) {
  const [state, formAction, pending] = useActionState(action, null);
  const fields = state?.fields ?? {};
  const dry = state?.summary?.dryRun ? state : null;
  return (
    <div className="space-y-6">
      <form action={formAction} aria-label="Deliveries to reprocess" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="text-sm">
          Delivery id <input name="deliveryId" type="number" min={1} defaultValue={fields.deliveryId} className={input} />
        </label>
        <label className="text-sm">
          Outcome
          <select name="outcome" defaultValue={fields.outcome ?? ""} className={input}>
            <option value="">processed or rejected</option>
            {outcomes.map((outcome) => (
              <option key={outcome} value={outcome}>
                {outcome}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          Type <input name="type" type="text" maxLength={64} placeholder="status_update" defaultValue={fields.type} className={input} />
        </label>
        <label className="text-sm">
          Consultation <input name="consultationId" type="number" min={1} defaultValue={fields.consultationId} className={input} />
        </label>
        <label className="text-sm">
          Received from <input name="since" type="date" defaultValue={fields.since} className={input} />
        </label>
        <label className="text-sm">
          until <input name="until" type="date" defaultValue={fields.until} className={input} />
        </label>
        <label className="text-sm">
          After delivery id <input name="afterId" type="number" min={0} defaultValue={fields.afterId} className={input} />
        </label>
        <button type="submit" name="intent" value="dry-run" className={button} disabled={pending}>
          Dry run
        </button>
      </form>
      <FormMessage state={state} />
      {state?.summary ? <Summary summary={state.summary} /> : null}
      {dry && dry.summary && dry.summary.selected > 0 ? (
        <form action={formAction} aria-label="Apply the dry run">
          {Object.entries(dry.fields ?? {}).map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <button type="submit" name="intent" value="apply" className="rounded-md bg-slate-900 px-3 py-1.5 text-sm text-white hover:bg-slate-700" disabled={pending}>
            {dry.summary.selected === 1 ? "Apply to this delivery" : `Apply to these ${dry.summary.selected} deliveries`}
          </button>
        </form>
      ) : null}
    </div>
  );
}
