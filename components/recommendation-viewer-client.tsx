"use client";
// The recommendation viewer's client part (components/recommendation-viewer.tsx picks the version).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { formatRich, formatText } from "@/lib/i18n/format-template";
import type { RecommendationDto } from "@/lib/schemas/consultation";
import type { ChangeDetail, RecommendationChange } from "@/lib/recommendation-diff";
import type { LinePart } from "@/lib/present/drug";
import type { DrugField } from "@/lib/schemas/drug";
import { Arrow } from "./arrow";
import { DrugList } from "./drug-list";
import { LineParts } from "./line-parts";
import { LocalTime } from "./local-time";
import { PostCallNotes } from "./post-call-notes";

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  return (
    <section className="space-y-2" data-testid={testId}>
      <h3 className="text-sm font-semibold tracking-wide text-slate-600 uppercase">{title}</h3>
      {children}
    </section>
  );
}

function None() {
  const t = useTranslations("recommendation");
  return <p className="text-sm text-slate-600">{t("none")}</p>;
}

function Icd10List({ entries }: { entries: RecommendationDto["icd10"] }) {
  const t = useTranslations("recommendation");
  if (entries.length === 0) return <None />;
  return (
    <ul className="space-y-1">
      {entries.map((entry, index) => (
        <li key={index} className="flex flex-wrap items-baseline gap-2">
          {entry.code ? (
            <code className="rounded-md bg-slate-100 px-1.5 py-0.5 font-mono text-sm text-slate-900 ring-1 ring-slate-300" dir="auto">
              {entry.code}
            </code>
          ) : null}
          {entry.name ? <span dir="auto">{entry.name}</span> : null}
          {!entry.code && !entry.name ? <span className="text-slate-600">{t("unnamed")}</span> : null}
        </li>
      ))}
    </ul>
  );
}

const kindStyle: Record<RecommendationChange["kind"], string> = {
  added: "bg-emerald-100 text-emerald-900",
  removed: "bg-red-100 text-red-900",
  changed: "bg-amber-100 text-amber-950",
};

/** "Dose: 2 → 3", in the page's language; each value as sent, isolated. */
function Detail({ detail, part }: { detail: ChangeDetail; part: RecommendationChange["part"] }) {
  const t = useTranslations("recommendation");
  const drug = useTranslations("drug");
  if (detail.field === "text") return t("textChanged");
  const label = part === "Drug" ? drug(`fields.${detail.field as DrugField}`) : t(`detailFields.${detail.field as "name" | "code" | "passCode" | "url" | "referral"}`);
  const value = (part: LinePart | null) => (part === null ? t("noValue") : <LineParts parts={[part]} />);
  return (
    <>
      {label}: {value(detail.before)} <Arrow to="forward" /> {value(detail.after)}
    </>
  );
}

function Changes({ changes, previous }: { changes: RecommendationChange[]; previous: number }) {
  const t = useTranslations("recommendation");
  return (
    <section aria-label={formatText(t, "changesLabel", { version: String(previous) })} className="rounded-lg border border-amber-200 bg-amber-50/50 p-3" data-testid="changes">
      <h3 className="text-sm font-semibold">{formatText(t, "changesTitle", { version: String(previous) })}</h3>
      {changes.length === 0 ? (
        <p className="text-sm text-slate-700">{t("noChange")}</p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm [overflow-wrap:anywhere]">
          {changes.map((change, index) => (
            <li key={index}>
              <span className={`me-1.5 rounded-sm px-1.5 py-0.5 text-xs font-medium ${kindStyle[change.kind]}`}>{t(`kinds.${change.kind}`)}</span>
              <span className="text-slate-600">{t(`parts.${change.part}`)}</span>
              {change.part === "Dispense" ? null : (
                <>
                  <span className="text-slate-600">:</span> {change.item !== null ? <bdi>{change.item}</bdi> : t("unnamed")}
                </>
              )}
              {change.details.length > 0 ? (
                <ul className="ms-5 list-disc text-slate-700">
                  {change.details.map((detail, i) => (
                    <li key={i}>
                      <Detail detail={detail} part={change.part} />
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One version as the body shows it: everything but the dispense values (they stay on the server until Reveal). */
type ShownRecommendation = Omit<RecommendationDto, "dispense">;
type VersionLink = { id: number; version: number; current: boolean };

type Props = {
  consultationId: number;
  /** Every version, newest first (links only). */
  versions: VersionLink[];
  shown: ShownRecommendation;
  /** What changed since the version before the shown one (none for the first). */
  changes: { previous: number; changes: RecommendationChange[] } | null;
  timeZone: string;
  /** The dispense block, rendered on the server (components/dispense-panel.tsx). */
  dispense: React.ReactNode;
};

/**
 * The doctor's recommendation, one version: its ICD-10 lists, drugs, labs, referral, follow-ups,
 * notes and (from the server) its dispense block. A client component fed plain data, so that the
 * page's payload carries the version's values once, not every element of its markup: past a few
 * kilobytes React's server renderer defers elements to later chunks, and server-side rendering
 * streamed each of those as a separate segment.
 */
export function RecommendationViewerClient({ consultationId, versions, shown, changes, timeZone, dispense }: Props) {
  const t = useTranslations("recommendation");
  const base = `/consultations/${consultationId}`;

  return (
    <div className="space-y-5" data-testid="recommendation" data-version={shown.version}>
      {versions.length > 1 ? (
        <nav aria-label={t("versions")} className="flex flex-wrap gap-1.5">
          {versions.map((rec) => (
            <Link
              key={rec.id}
              href={rec.current ? base : `${base}?version=${rec.version}`}
              scroll={false}
              prefetch={false}
              aria-current={rec.version === shown.version ? "page" : undefined}
              className={`rounded-md border px-2.5 py-1 text-sm ${rec.version === shown.version ? "border-slate-900 bg-slate-900 text-white" : "border-slate-300 bg-white hover:bg-slate-50"}`}
            >
              {formatText(t, rec.current ? "versionCurrent" : "version", { version: String(rec.version) })}
            </Link>
          ))}
        </nav>
      ) : null}
      <p className="text-sm text-slate-700">
        {formatRich(t, shown.current ? "shownCurrent" : "shownOld", {
          version: String(shown.version),
          written: () => <LocalTime utc={shown.eventTime.utc} sent={shown.eventTime.sent} timeZone={timeZone} />,
          received: () => <LocalTime utc={shown.receivedAt} timeZone={timeZone} />,
        })}
      </p>
      {changes ? <Changes changes={changes.changes} previous={changes.previous} /> : null}

      <div className="grid gap-5 md:grid-cols-2">
        <Section title={t("symptoms")} testId="symptoms">
          <Icd10List entries={shown.icd10.filter((entry) => entry.kind === "symptom")} />
        </Section>
        <Section title={t("diagnoses")} testId="diagnoses">
          <Icd10List entries={shown.icd10.filter((entry) => entry.kind === "diagnosis")} />
        </Section>
      </div>

      <Section title={t("prescription")}>
        <DrugList drugs={shown.drugs} />
      </Section>

      <div className="grid gap-5 md:grid-cols-3">
        <Section title={t("labs")} testId="labs">
          {shown.labs.length === 0 ? (
            <None />
          ) : (
            <ul className="space-y-1">
              {shown.labs.map((lab, index) => (
                <li key={index} className="flex flex-wrap items-baseline gap-2">
                  {lab.kind === "panel" ? <span className="rounded-sm bg-slate-100 px-1 text-xs text-slate-700">{t("panel")}</span> : null}
                  {lab.code ? (
                    <code className="font-mono text-sm" dir="auto">
                      {lab.code}
                    </code>
                  ) : null}
                  <span dir="auto">{lab.name ?? (lab.code ? "" : t("unnamed"))}</span>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t("referral")} testId="referral">
          {shown.referral?.name ? <p dir="auto">{shown.referral.name}</p> : <None />}
        </Section>
        <Section title={t("followUp")} testId="follow-ups">
          {shown.followUps.filter((entry) => entry.name).length === 0 ? (
            <None />
          ) : (
            <ul className="list-disc space-y-0.5 ps-5">
              {shown.followUps.map((entry, index) =>
                entry.name ? (
                  <li key={index} dir="auto">
                    {entry.name}
                  </li>
                ) : null,
              )}
            </ul>
          )}
        </Section>
      </div>

      <Section title={t("notes")}>
        <PostCallNotes answers={shown.answers} />
      </Section>

      <Section title={t("dispense")}>
        {dispense}
      </Section>
    </div>
  );
}
