"use client";
// The list's rows, rendered from words the server already formatted (components/consultation-table.tsx).
// One client component for the table: its props are the rows' text, a few hundred bytes a row, where
// a server-rendered table sent every element and attribute of every cell in the RSC payload
// (~1.6 kB a row) and React split it into a streamed chunk per row past its 3,200-byte budget, each
// a separate segment of the HTML. The markup is text-cells.tsx's, the same as the server
// components' elsewhere. Links are plain anchors for the page's SoftNavigation (soft-navigation.tsx).
import { DataTable } from "./data-table";
import { MemberLink, PolicyLink } from "./member-links";
import { blank, DiagnosisView, StatusBadgeView, Text, TimeView, type NoDiagnosisText, type TimeText, type UndocumentedStatusText } from "./text-cells";

const columns = ["consultation", "member", "insuranceId", "policyNumber", "status", "inStatusFor", "lastEvent", "recommendation", "drugs"] as const;

export type ConsultationColumn = (typeof columns)[number];

/** One row's words, as the viewer reads them. */
export type ConsultationRowView = {
  id: number;
  /** `animate-fresh` when it changed just now (components/fresh.ts). */
  fresh?: string;
  userId: string | null;
  insuranceId: string | null;
  policyNumber: string | null;
  status: string | null;
  /** The status's label (status-badge.tsx's statusLabel). */
  statusLabel: string;
  /** How long it has been in its status, in words; null when no status event came yet. */
  inStatusFor: string | null;
  lastEvent: TimeText;
  diagnosis: { code: string | null; name: string | null } | null;
  /** The number of drugs prescribed, in the viewer's digits; null without a recommendation. */
  drugs: string | null;
};

/** The words every row shares. */
export type ConsultationTableText = {
  caption: string;
  columns: Record<ConsultationColumn, string>;
  undocumented: UndocumentedStatusText;
  diagnosis: NoDiagnosisText;
};

export function ConsultationRows({ rows, text }: { rows: ConsultationRowView[]; text: ConsultationTableText }) {
  const label = text.columns;
  return (
    <DataTable caption={text.caption} headers={columns.map((column) => label[column])} testId="consultation-table">
      {rows.map((row) => (
        <tr key={row.id} data-row-id={row.id} className={row.fresh}>
          <td data-label={label.consultation}>
            <a href={`/consultations/${row.id}`} className="font-mono font-medium">
              {row.id}
            </a>
          </td>
          <td data-label={label.member}>
            <MemberLink userId={row.userId} plain />
          </td>
          <td data-label={label.insuranceId}>
            <Text value={row.insuranceId} />
          </td>
          <td data-label={label.policyNumber}>
            <PolicyLink policyNumber={row.policyNumber} plain />
          </td>
          <td data-label={label.status}>
            <StatusBadgeView status={row.status} label={row.statusLabel} undocumented={text.undocumented} />
          </td>
          <td data-label={label.inStatusFor}>{row.inStatusFor ?? blank}</td>
          <td data-label={label.lastEvent}>
            <TimeView time={row.lastEvent} />
          </td>
          <td data-label={label.recommendation}>
            <DiagnosisView diagnosis={row.diagnosis} text={text.diagnosis} />
          </td>
          <td data-label={label.drugs}>{row.drugs ?? blank}</td>
        </tr>
      ))}
    </DataTable>
  );
}
