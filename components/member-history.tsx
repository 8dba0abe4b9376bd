import Link from "next/link";
import { drugName, presentDrugField } from "@/lib/present/drug";
import type { MemberConsultationDto, MemberIdValueDto, MemberPrescriptionDto, RepeatLinkDto } from "@/lib/schemas/member";
import { DataTable } from "./data-table";
import { Diagnosis } from "./diagnosis";
import { LocalTime } from "./local-time";
import { PolicyLink } from "./member-links";
import { StatusBadge } from "./status-badge";

/** The latest value of an id, then the earlier ones Altibbi sent for older consultations. */
export function MemberIdValues({ values, policy = false, testId }: { values: MemberIdValueDto[]; policy?: boolean; testId: string }) {
  const [latest, ...earlier] = values;
  if (!latest) return <span className="quiet">none sent</span>;
  const show = (value: string) => (policy ? <PolicyLink policyNumber={value} /> : <span dir="auto">{value}</span>);
  return (
    <div data-testid={testId}>
      <span data-testid={`${testId}-latest`}>{show(latest.value)}</span>
      {earlier.length > 0 ? (
        <div className="mt-1 text-xs font-normal text-slate-700">
          Earlier:{" "}
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

const consultationHeaders = ["Consultation", "Last event", "Status", "Diagnosis", "Drugs"];

/** One page of the member's consultations, newest first. */
export function MemberConsultationTable({ items, timeZone }: { items: MemberConsultationDto[]; timeZone: string }) {
  return (
    <DataTable caption="The member's consultations, newest first" headers={consultationHeaders} testId="member-consultations">
      {items.map((item) => (
        <tr key={item.id} data-row-id={item.id}>
          <td data-label="Consultation">
            <Link href={`/consultations/${item.id}`} prefetch={false} className="font-mono font-medium">
              {item.id}
            </Link>
          </td>
          <td data-label="Last event">
            <LocalTime utc={item.lastEventTime.utc} sent={item.lastEventTime.sent} timeZone={timeZone} />
          </td>
          <td data-label="Status">
            <StatusBadge status={item.status} />
          </td>
          <td data-label="Diagnosis">
            <Diagnosis diagnosis={item.diagnosis} />
          </td>
          <td data-label="Drugs">
            {item.drugs.length === 0 ? (
              <span className="quiet">—</span>
            ) : (
              <ul>
                {item.drugs.map((drug, index) => (
                  <li key={index} dir="auto">
                    {drugName(drug)}
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

const days = (gap: number) => (gap === 1 ? "1 day" : `${gap} days`);

function RepeatNote({ link, kind }: { link: RepeatLinkDto; kind: "of" | "by" }) {
  return (
    <span className="block" data-testid={kind === "of" ? "repeat-of" : "repeated-by"}>
      <span className="rounded-sm bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-950">Repeat</span>{" "}
      {kind === "of" ? `${days(link.gapDays)} after` : `again ${days(link.gapDays)} later in`}{" "}
      <Link href={`/consultations/${link.consultationId}`} prefetch={false} className="font-mono">
        {link.consultationId}
      </Link>
    </span>
  );
}

/** "Twice daily · for 5 days", each payload value isolated for bidirectional text. */
function Dose({ frequency, duration }: { frequency: string | null; duration: string | null }) {
  const parts = [presentDrugField("frequency", frequency), presentDrugField("duration", duration)].filter((part): part is string => part !== null);
  if (parts.length === 0) return <span className="quiet">—</span>;
  return (
    <span>
      {parts.map((part, index) => (
        <span key={index}>
          {index > 0 ? " · " : null}
          <bdi>{part}</bdi>
        </span>
      ))}
    </span>
  );
}

const prescriptionHeaders = ["Prescribed", "Drug", "Generic name", "Strength", "How often, how long", "Consultation", "Repeat"];

/** Every drug of the member's current recommendations, newest first, with repeat flags. */
export function MemberPrescriptionTable({ items, timeZone }: { items: MemberPrescriptionDto[]; timeZone: string }) {
  return (
    <DataTable caption="Every drug prescribed to the member, newest first" headers={prescriptionHeaders} testId="member-prescriptions">
      {items.map((item) => (
        <tr
          key={`${item.recommendationId}-${item.position}`}
          data-consultation-id={item.consultationId}
          data-repeat={item.repeatOf || item.repeatedBy ? "yes" : undefined}
          className={item.repeatOf || item.repeatedBy ? "bg-amber-50" : undefined}
        >
          <td data-label="Prescribed">
            <LocalTime utc={item.prescribedAt.utc} sent={item.prescribedAt.sent} timeZone={timeZone} />
          </td>
          <td data-label="Drug" dir="auto">
            {drugName(item)}
          </td>
          <td data-label="Generic name">{item.name ? <span dir="auto">{item.name}</span> : <span className="quiet">—</span>}</td>
          <td data-label="Strength">{item.strengthValue ? <span dir="auto">{item.strengthValue}</span> : <span className="quiet">—</span>}</td>
          <td data-label="How often, how long">
            <Dose frequency={item.frequency} duration={item.duration} />
          </td>
          <td data-label="Consultation">
            <Link href={`/consultations/${item.consultationId}`} prefetch={false} className="font-mono">
              {item.consultationId}
            </Link>
          </td>
          <td data-label="Repeat">
            {item.repeatOf ? <RepeatNote link={item.repeatOf} kind="of" /> : null}
            {item.repeatedBy ? <RepeatNote link={item.repeatedBy} kind="by" /> : null}
            {!item.repeatOf && !item.repeatedBy ? <span className="quiet">—</span> : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
