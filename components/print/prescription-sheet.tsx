import { useLocale, useTranslations } from "next-intl";
import type { PaperSize } from "@/lib/schemas/print-view";
import type { PrescriptionDto } from "@/lib/schemas/prescription";
import type { RecommendationDto } from "@/lib/schemas/consultation";
import { Field } from "../field";
import { DispenseBlock } from "./dispense-block";
import { DrugTable } from "./drug-table";
import { presentText } from "@/lib/present/blank";

const issuedFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * The recommendation's event time, in UTC (Altibbi's offset varies; paper needs one reading), in
 * `locale` (an Intl tag: lib/i18n/locales.ts); the caller adds "UTC" in its language.
 */
export function formatIssued(utc: string, locale = "en-GB"): string {
  let format = issuedFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone: "UTC" });
    issuedFormats.set(locale, format);
  }
  return format.format(new Date(utc));
}

type Props = { prescription: PrescriptionDto; instanceName: string; paper: PaperSize };

/** The paper itself: everything that prints. Payload text is only ever rendered as text. */
export function PrescriptionSheet({ prescription, instanceName, paper }: Props) {
  const { consultation, recommendation, versionCount, medicationNotes } = prescription;
  const t = useTranslations("print");
  const locale = useLocale();
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
            {t("title")}
          </h1>
          {recommendation ? (
            <p className="text-[0.9em] text-slate-700">
              {t.rich("issued", {
                time: () => <time dateTime={recommendation.eventTime.utc}>{t("utc", { time: formatIssued(recommendation.eventTime.utc, locale) })}</time>,
              })}
              {versionCount > 1 ? ` · ${t("version", { version: recommendation.version, count: versionCount })}` : null}
            </p>
          ) : null}
        </div>
        <dl className="grid shrink-0 grid-cols-[auto_auto] gap-x-[0.8em] text-[0.9em]">
          <Field label={t("consultation")} look="paper" testId="consultation-id">
            {orDash(String(consultation.id))}
          </Field>
          <Field label={t("member")} look="paper">
            {orDash(consultation.userId)}
          </Field>
          <Field label={t("insurance")} look="paper">
            {orDash(consultation.insuranceId)}
          </Field>
          <Field label={t("policy")} look="paper">
            {orDash(consultation.policyNumber)}
          </Field>
        </dl>
      </header>

      {recommendation ? (
        <RecommendationBody recommendation={recommendation} medicationNotes={medicationNotes} />
      ) : (
        <p className="mt-[1em] rounded-md border border-slate-400 p-[0.9em] text-[1.1em]" data-testid="no-recommendation">
          {t("noRecommendation")}
        </p>
      )}

      <footer className="mt-[1.2em] border-t border-slate-300 pt-[0.5em] text-[0.8em] text-slate-700">
        {t.rich("footer", { instance: instanceName, id: String(consultation.id), isolate: (chunks) => <bdi dir="auto">{chunks}</bdi> })}
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
  const t = useTranslations("print");
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

      <Section id="diagnoses-heading" title={t("diagnoses")}>
        {icd10.length === 0 ? (
          <p>{t("noDiagnosis")}</p>
        ) : (
          <ul className="space-y-[0.15em]" data-testid="diagnoses">
            {icd10.map((entry, index) => (
              <li key={index} className="break-inside-avoid">
                <bdi className="inline-block min-w-[4.5em] font-mono font-semibold" dir="ltr">
                  {presentText(entry.code) ?? "—"}
                </bdi>{" "}
                <bdi dir="auto">{presentText(entry.name) ?? ""}</bdi>
                {entry.kind === "symptom" ? <span className="text-slate-700"> {t("symptom")}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section id="medicines-heading" title={t("medicines")}>
        {recommendation.drugs.length === 0 ? <p>{t("noMedicine")}</p> : <DrugTable drugs={recommendation.drugs} />}
      </Section>

      {medicationNotes.length > 0 ? (
        <Section id="medication-notes-heading" title={t("medicationNotes")}>
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
            <Section id="labs-heading" title={t("labs")} className="">
              <ul className="space-y-[0.15em]">
                {labs.map((lab, index) => (
                  <li key={index}>
                    <bdi dir="auto">{presentText(lab.name) ?? ""}</bdi>
                    {presentText(lab.code) ? (
                      <>
                        {" "}
                        <bdi className="font-mono" dir="ltr">
                          {presentText(lab.code)}
                        </bdi>
                      </>
                    ) : null}
                    {lab.kind === "panel" ? <span className="text-slate-700"> {t("panel")}</span> : null}
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
          {referral !== null ? (
            <Section id="referral-heading" title={t("referral")} className="">
              <p dir="auto">{referral}</p>
            </Section>
          ) : null}
          {followUps.length > 0 ? (
            <Section id="follow-ups-heading" title={t("followUp")} className="">
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
