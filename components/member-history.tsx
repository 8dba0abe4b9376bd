import Link from "next/link";
import { useTranslations } from "next-intl";
import { presentText } from "@/lib/present/blank";
import { durationPart, type LinePart } from "@/lib/present/drug";
import type { MemberConsultationDto, MemberIdValueDto, MemberPrescriptionDto, RepeatLinkDto } from "@/lib/schemas/member";
import { DataTable } from "./data-table";
import { Diagnosis } from "./diagnosis";
import { LineParts } from "./line-parts";
import { LocalTime } from "./local-time";
import { PolicyLink } from "./member-links";
import { StatusBadge } from "./status-badge";

/** The latest value of an id, then the earlier ones Altibbi sent for older consultations. */
export function MemberIdValues({ values, policy = false, testId }: { values: MemberIdValueDto[]; policy?: boolean; testId: string }) {
  const t = useTranslations("member");
  const [latest, ...earlier] = values;
  if (!latest) return <span className="quiet">{t("noneSent")}</span>;
  const show = (value: string) => (policy ? <PolicyLink policyNumber={value} /> : <span dir="auto">{value}</span>);
  return (
    <div data-testid={testId}>
      <span data-testid={`${testId}-latest`}>{show(latest.value)}</span>
      {earlier.length > 0 ? (
        <div className="mt-1 text-xs font-normal text-slate-700">
          {t("earlier")}{" "}
          <ul className="inline" data-testid={`${testId}-earlier`}>
            {earlier.map((value, index) => (
              <li key={value.value} className="inline">
                {index > 0 ? ", " : null}
                {show(value.value)}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

const consultationColumns = ["consultation", "lastEvent", "status", "diagnosis", "drugs"] as const;

/** The name a reader knows the drug by (trade name, else generic name), or the words for an unnamed drug. */
function DrugName({ drug }: { drug: { tradeName: string | null; name: string | null } }) {
  const t = useTranslations("drug");
  return <>{presentText(drug.tradeName) ?? presentText(drug.name) ?? t("unnamed")}</>;
}

/** One page of the member's consultations, newest first. */
export function MemberConsultationTable({ items, timeZone }: { items: MemberConsultationDto[]; timeZone: string }) {
  const t = useTranslations("member");
  return (
    <DataTable caption={t("consultationsCaption")} headers={consultationColumns.map((column) => t(`columns.${column}`))} testId="member-consultations">
      {items.map((item) => (
        <tr key={item.id} data-row-id={item.id}>
          <td data-label={t("columns.consultation")}>
            <Link href={`/consultations/${item.id}`} prefetch={false} className="font-mono font-medium">
              {item.id}
            </Link>
          </td>
          <td data-label={t("columns.lastEvent")}>
            <LocalTime utc={item.lastEventTime.utc} sent={item.lastEventTime.sent} timeZone={timeZone} />
          </td>
          <td data-label={t("columns.status")}>
            <StatusBadge status={item.status} />
          </td>
          <td data-label={t("columns.diagnosis")}>
            <Diagnosis diagnosis={item.diagnosis} />
          </td>
          <td data-label={t("columns.drugs")}>
            {item.drugs.length === 0 ? (
              <span className="quiet">—</span>
            ) : (
              <ul>
                {item.drugs.map((drug, index) => (
                  <li key={index} dir="auto">
                    <DrugName drug={drug} />
                  </li>
                ))}
              </ul>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function RepeatNote({ link, kind }: { link: RepeatLinkDto; kind: "of" | "by" }) {
  const t = useTranslations("member");
  return (
    <span className="block" data-testid={kind === "of" ? "repeat-of" : "repeated-by"}>
      <span className="rounded-sm bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-950">{t("repeat")}</span>{" "}
      {t.rich(kind === "of" ? "repeatOf" : "repeatedBy", {
        count: link.gapDays,
        link: () => (
          <Link href={`/consultations/${link.consultationId}`} prefetch={false} className="font-mono">
            {link.consultationId}
          </Link>
        ),
      })}
    </span>
  );
}

/** "Twice daily · for 5 days", each payload value isolated for bidirectional text. */
function Dose({ frequency, duration }: { frequency: string | null; duration: string | null }) {
  const often = presentText(frequency);
  const long = presentText(duration);
  const parts: LinePart[] = [...(often === null ? [] : [{ value: often }]), ...(long === null ? [] : [durationPart(long)])];
  if (parts.length === 0) return <span className="quiet">—</span>;
  return (
    <span>
      <LineParts parts={parts} />
    </span>
  );
}

const prescriptionColumns = ["prescribed", "drug", "genericName", "strength", "dose", "consultation", "repeat"] as const;

/** Every drug of the member's current recommendations, newest first, with repeat flags. */
export function MemberPrescriptionTable({ items, timeZone }: { items: MemberPrescriptionDto[]; timeZone: string }) {
  const t = useTranslations("member");
  return (
    <DataTable caption={t("prescriptionsCaption")} headers={prescriptionColumns.map((column) => t(`columns.${column}`))} testId="member-prescriptions">
      {items.map((item) => (
        <tr
          key={`${item.recommendationId}-${item.position}`}
          data-consultation-id={item.consultationId}
          data-repeat={item.repeatOf || item.repeatedBy ? "yes" : undefined}
          className={item.repeatOf || item.repeatedBy ? "bg-amber-50" : undefined}
        >
          <td data-label={t("columns.prescribed")}>
            <LocalTime utc={item.prescribedAt.utc} sent={item.prescribedAt.sent} timeZone={timeZone} />
          </td>
          <td data-label={t("columns.drug")} dir="auto">
            <DrugName drug={item} />
          </td>
          <td data-label={t("columns.genericName")}>{item.name ? <span dir="auto">{item.name}</span> : <span className="quiet">—</span>}</td>
          <td data-label={t("columns.strength")}>{item.strengthValue ? <span dir="auto">{item.strengthValue}</span> : <span className="quiet">—</span>}</td>
          <td data-label={t("columns.dose")}>
            <Dose frequency={item.frequency} duration={item.duration} />
          </td>
          <td data-label={t("columns.consultation")}>
            <Link href={`/consultations/${item.consultationId}`} prefetch={false} className="font-mono">
              {item.consultationId}
            </Link>
          </td>
          <td data-label={t("columns.repeat")}>
            {item.repeatOf ? <RepeatNote link={item.repeatOf} kind="of" /> : null}
            {item.repeatedBy ? <RepeatNote link={item.repeatedBy} kind="by" /> : null}
            {!item.repeatOf && !item.repeatedBy ? <span className="quiet">—</span> : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
