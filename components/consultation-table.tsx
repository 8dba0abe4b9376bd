import Link from "next/link";
import type { ConsultationSummaryDto } from "@/lib/schemas/consultation";
import { formatDuration } from "@/lib/time/format";
import { DataTable } from "./data-table";
import { Diagnosis } from "./diagnosis";
import { freshClass } from "./fresh";
import { LocalTime } from "./local-time";
import { MemberLink, PolicyLink } from "./member-links";
import { StatusBadge } from "./status-badge";

const headers = ["Consultation", "Member", "Insurance id", "Policy number", "Status", "In status for", "Last event", "Recommendation", "Drugs"];

function Text({ value }: { value: string | null }) {
  return value === null || value === "" ? <span className="quiet">—</span> : <span dir="auto">{value}</span>;
}

// Row links are not prefetched: a page of 50 rows would cost 50 server renders on every load
// and on every live refresh.
export function ConsultationTable({ items, timeZone, now }: { items: ConsultationSummaryDto[]; timeZone: string; now: Date }) {
  return (
    <DataTable caption="Consultations" headers={headers} testId="consultation-table">
      {items.map((item) => (
        <tr key={item.id} data-row-id={item.id} className={freshClass(item.updatedAt, now)}>
          <td data-label="Consultation">
            <Link href={`/consultations/${item.id}`} prefetch={false} className="font-mono font-medium">
              {item.id}
            </Link>
          </td>
          <td data-label="Member">
            <MemberLink userId={item.userId} />
          </td>
          <td data-label="Insurance id">
            <Text value={item.insuranceId} />
          </td>
          <td data-label="Policy number">
            <PolicyLink policyNumber={item.policyNumber} />
          </td>
          <td data-label="Status">
            <StatusBadge status={item.status} />
          </td>
          <td data-label="In status for">{item.statusSince ? formatDuration(now.getTime() - Date.parse(item.statusSince.utc)) : <span className="quiet">—</span>}</td>
          <td data-label="Last event">
            <LocalTime utc={item.lastEventTime.utc} sent={item.lastEventTime.sent} timeZone={timeZone} />
          </td>
          <td data-label="Recommendation">
            <Diagnosis diagnosis={item.diagnosis} />
          </td>
          <td data-label="Drugs">{item.drugCount === null ? <span className="quiet">—</span> : item.drugCount}</td>
        </tr>
      ))}
    </DataTable>
  );
}
