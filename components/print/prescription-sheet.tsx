import type { PaperSize } from "@/lib/schemas/print-view";
import type { PrescriptionDto } from "@/lib/schemas/prescription";
import type { RecommendationDto } from "@/lib/schemas/consultation";
import { Field } from "../field";
import { DispenseBlock } from "./dispense-block";
import { DrugTable } from "./drug-table";
import { presentText } from "@/lib/present/blank";

const issuedFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });

/** The recommendation's event time, in UTC (Altibbi's offset varies; paper needs one reading). */
export const formatIssued = (utc: string) => `${issuedFormat.format(new Date(utc))} UTC`;

type Props = { prescription: PrescriptionDto; instanceName: string; paper: PaperSize };

/** The paper itself: everything that prints. Payload text is only ever rendered as text. */
export function PrescriptionSheet({ prescription, instanceName, paper }: Props) {
  const { consultation, recommendation, versionCount, medicationNotes } = prescription;
  return (
    <article
      data-print-sheet
      data-paper={paper}
      aria-labelledby="prescription-heading"
      className={`mx-auto bg-white text-slate-900 shadow-md ring-1 ring-slate-200 print:shadow-none print:ring-0 ${
        paper === "a5" ? "w-[148mm] p-[9mm] text-[8.5pt] print:w-auto print:p-0" : "w-[210mm] p-[14mm] text-[10.5pt] print:w-auto print:p-0"
      }`}
    >
      <header className="flex items-start justify-between gap-[1.5em] border-b-2 border-slate-800 pb-[0.8em]">
        <div>
          <p className="text-[0.85em] font-semibold uppercase tracking-wide text-slate-700" dir="auto">
            {instanceName}
          </p>
          <h1 id="prescription-heading" className="text-[1.9em] font-bold leading-tight">
            Prescription
          </h1>
          {recommendation ? (
            <p className="text-[0.9em] text-slate-700">
              Issued <time dateTime={recommendation.eventTime.utc}>{formatIssued(recommendation.eventTime.utc)}</time>
              {versionCount > 1 ? ` · version ${recommendation.version} of ${versionCount}` : null}
            </p>
          ) : null}
        </div>
        <dl className="grid shrink-0 grid-cols-[auto_auto] gap-x-[0.8em] text-[0.9em]">
          <Field label="Consultation" look="paper" testId="consultation-id">
            {orDash(String(consultation.id))}
          </Field>
          <Field label="Member" look="paper">
            {orDash(consultation.userId)}
          </Field>
          <Field label="Insurance" look="paper">
            {orDash(consultation.insuranceId)}
          </Field>
          <Field label="Policy" look="paper">
            {orDash(consultation.policyNumber)}
          </Field>
        </dl>
      </header>

      {recommendation ? (
        <RecommendationBody recommendation={recommendation} medicationNotes={medicationNotes} />
      ) : (
        <p className="mt-[1em] rounded-md border border-slate-400 p-[0.9em] text-[1.1em]" data-testid="no-recommendation">
          No recommendation has been received for this consultation, so there is no prescription to print.
        </p>
      )}

      <footer className="mt-[1.2em] border-t border-slate-300 pt-[0.5em] text-[0.8em] text-slate-700">
        Printed from <bdi dir="auto">{instanceName}</bdi> (Altibbi consultation {consultation.id}).
      </footer>
    </article>
  );
}

const orDash = (value: string | null) => presentText(value) ?? <span className="text-slate-500">—</span>;

function Section({ id, title, children, className = "mt-[1em]" }: { id: string; title: string; children: React.ReactNode; className?: string }) {
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="mb-[0.4em] border-b border-slate-300 pb-[0.15em] text-[0.8em] font-semibold uppercase tracking-wide text-slate-700 break-after-avoid">
        {title}
      </h2>
      {children}
    </section>
  );
}

function RecommendationBody({ recommendation, medicationNotes }: { recommendation: RecommendationDto; medicationNotes: string[] }) {
  // Diagnoses first, then symptoms: the pharmacist reads the diagnosis the drugs answer.
  const icd10 = [...recommendation.icd10].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "diagnosis" ? -1 : 1));
  const labs = recommendation.labs.filter((lab) => presentText(lab.name) !== null || presentText(lab.code) !== null);
  const followUps = recommendation.followUps.flatMap((followUp) => presentText(followUp.name) ?? []);
  const referral = presentText(recommendation.referral?.name);

  return (
    <>
      <div className="mt-[1em]">
        <DispenseBlock dispense={recommendation.dispense} />
      </div>

      <Section id="diagnoses-heading" title="Diagnoses (ICD-10)">
        {icd10.length === 0 ? (
          <p>No diagnosis was recorded.</p>
        ) : (
          <ul className="space-y-[0.15em]" data-testid="diagnoses">
            {icd10.map((entry, index) => (
              <li key={index} className="break-inside-avoid">
                <span className="inline-block min-w-[4.5em] font-mono font-semibold">{presentText(entry.code) ?? "—"}</span>{" "}
                <bdi dir="auto">{presentText(entry.name) ?? ""}</bdi>
                {entry.kind === "symptom" ? <span className="text-slate-700"> (symptom)</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="medicines-heading" title="Medicines">
        {recommendation.drugs.length === 0 ? <p>No medicine was prescribed.</p> : <DrugTable drugs={recommendation.drugs} />}
      </Section>

      {medicationNotes.length > 0 ? (
        <Section id="medication-notes-heading" title="Doctor's medication notes">
          {medicationNotes.map((note, index) => (
            // Printed whole however long: a long note may break across pages, and long words wrap.
            <p key={index} dir="auto" className="whitespace-pre-line [overflow-wrap:anywhere]">
              {note}
            </p>
          ))}
        </Section>
      ) : null}

      {labs.length > 0 || referral !== null || followUps.length > 0 ? (
        // Short lists side by side: they would otherwise push a small prescription onto a second A5 page.
        <div className="mt-[1em] grid grid-cols-[1fr_1.2fr_1.5fr] gap-x-[1.5em] break-inside-avoid">
          {labs.length > 0 ? (
            <Section id="labs-heading" title="Lab tests" className="">
              <ul className="space-y-[0.15em]">
                {labs.map((lab, index) => (
                  <li key={index}>
                    <bdi dir="auto">{presentText(lab.name) ?? ""}</bdi>
                    {presentText(lab.code) ? <span className="font-mono"> {presentText(lab.code)}</span> : null}
                    {lab.kind === "panel" ? <span className="text-slate-700"> (panel)</span> : null}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {referral !== null ? (
            <Section id="referral-heading" title="Referral" className="">
              <p dir="auto">{referral}</p>
            </Section>
          ) : null}
          {followUps.length > 0 ? (
            <Section id="follow-ups-heading" title="Follow-up" className="">
              <ul className="list-disc space-y-[0.15em] ps-[1.2em]">
                {followUps.map((name, index) => (
                  <li key={index}>
                    <bdi dir="auto">{name}</bdi>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
