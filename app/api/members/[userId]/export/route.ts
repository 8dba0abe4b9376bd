// GET /api/members/{userId}/export — the member page's Prescriptions as CSV, repeat flags included (export permission)
import { auditContextFrom, auditUnavailableResponse, recordBeforeShowing } from "@/lib/audit/record";
import { requireApiPermission } from "@/lib/auth/caller";
import { exportMemberPrescriptions, prescriptionExportLimit } from "@/lib/data/members";
import { errorResponse } from "@/lib/http-errors";
import { internalError } from "@/lib/http-json";
import { csvHeaders, exportLocaleOf } from "@/lib/i18n/csv-headers";
import { csvAttachment, csvStream } from "@/lib/http/csv-stream";
import { memberPrescriptionCsvColumns, memberPrescriptionCsvRecord } from "@/lib/present/member-prescription-csv";
import { parseMemberId } from "@/lib/schemas/member";
import { viewerTimeZoneFrom } from "@/lib/viewer-time-zone";

export const dynamic = "force-dynamic";

/** Rows handed to the CSV writer at a time (the member's rows are read at once: at most prescriptionExportLimit). */
const batchSize = 500;

type Params = { params: Promise<{ userId: string }> };

export async function GET(request: Request, { params }: Params) {
  const guard = await requireApiPermission(request, "export");
  if (!guard.ok) return guard.response;
  const userId = parseMemberId((await params).userId);
  if (userId === null) return errorResponse(404, "not_found", "There is no such member.");
  const caller = guard.caller;
  const timeZone = viewerTimeZoneFrom(request.headers, new URL(request.url).searchParams.get("tz") ?? undefined);
  try {
    const found = await exportMemberPrescriptions(caller, userId);
    if (found.kind === "unknown") return errorResponse(404, "not_found", "There is no such member.");
    if (found.kind === "too_many") {
      return errorResponse(413, "export_too_large", `The member has more than ${prescriptionExportLimit} prescriptions; the export is refused rather than cut short.`);
    }
    const items = found.items;
    // Fail closed: the event (the member and the rows sent) is committed before the first byte.
    const recorded = await recordBeforeShowing(caller, auditContextFrom(request.headers), {
      action: "export.downloaded",
      detail: { export: "member_prescriptions", memberId: userId, rows: items.length, format: "csv" },
    });
    if (!recorded) return auditUnavailableResponse();
    const batches = async function* () {
      for (let start = 0; start < items.length; start += batchSize) {
        yield items.slice(start, start + batchSize).map((item) => memberPrescriptionCsvRecord(item, timeZone));
      }
    };
    const headerRow = await csvHeaders("memberPrescription", memberPrescriptionCsvColumns, exportLocaleOf(request, caller));
    const body = csvStream(headerRow, batches(), (error) => console.error("GET /api/members/[userId]/export: the download was cut off:", error));
    return csvAttachment(body, `care-desk-member-${userId}-prescriptions`);
  } catch (error) {
    return internalError("GET /api/members/[userId]/export", error);
  }
}
