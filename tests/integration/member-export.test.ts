// GET /api/members/{userId}/export on a real database: the member page's Prescriptions as CSV
// (read back with csv-parse), only that member's rows, repeat flags, times in UTC and the viewer's
// zone, no cell a formula, the audit event committed before the first byte, who may download it.
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/members/[userId]/export/route";
import { exportMemberPrescriptions } from "@/lib/data/members";
import { readDb } from "@/lib/db";
import ar from "@/messages/ar.json";
import { memberPrescriptionCsvColumns } from "@/lib/present/member-prescription-csv";
import { asAuditor } from "../support/callers";
import { readCsvDownload } from "../support/csv-download";
import { formulaStarts, hostile } from "../support/hostile";
import { recommendation, recommendationData, statusUpdate, uniqueId, type Json } from "../support/payloads";
import { routeHandler } from "../support/route-handler";
import { bearerFor } from "../support/users";
import { deliver } from "../support/webhooks";

let coordinator = "";
beforeAll(async () => {
  coordinator = await bearerFor("coordinator");
});

const exportRequest = (userId: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/members/${userId}/export`, { headers: { authorization: coordinator, ...headers } }), {
    params: Promise.resolve({ userId }),
  });

type CsvRow = Record<(typeof memberPrescriptionCsvColumns)[number], string>;

const download = (response: Response) => readCsvDownload<CsvRow>(response);

const memberId = () => String(uniqueId());
const at = (day: number, hours = 0) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000 + hours * 3_600_000).toISOString().replace(".000Z", ".000000Z");
const drugs = (...items: Json[]) => recommendationData({ drug: { fdaDrug: items } });

/** A consultation of the member: a status event, then a recommendation an hour later. */
async function consultation(userId: string, day: number, data: Json): Promise<number> {
  const id = uniqueId();
  await deliver(routeHandler, statusUpdate(id, null, "closed", at(day), { user_id: userId }));
  await deliver(routeHandler, recommendation(id, at(day, 1), data, { user_id: userId }));
  return id;
}

describe("GET /api/members/{userId}/export", () => {
  it("answers a CSV attachment of only that member's prescriptions, newest first, with repeat flags", async () => {
    const userId = memberId();
    const c1 = await consultation(userId, 0, drugs({ name: "Amoxicillin", tradeName: "Amoxil", strengthValue: "500", frequency: "Twice daily", duration: 5 }, { name: "Ibuprofen" }));
    const c2 = await consultation(userId, 10, drugs({ name: "AMOXICILLIN", tradeName: "Amoxil" }));
    const other = await consultation(memberId(), 11, drugs({ name: "Amoxicillin" }));

    const response = await exportRequest(userId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(new RegExp(`^attachment; filename="care-desk-member-${userId}-prescriptions-\\d{4}-\\d{2}-\\d{2}\\.csv"$`));
    expect(response.headers.get("cache-control")).toBe("no-store");

    const { bytes, header, rows } = await download(response);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(header).toEqual([...memberPrescriptionCsvColumns]);
    expect(rows.map((row) => [row.consultation_id, row.generic_name])).toEqual([
      [String(c2), "AMOXICILLIN"],
      [String(c1), "Amoxicillin"],
      [String(c1), "Ibuprofen"],
    ]);
    expect(rows.map((row) => row.consultation_id)).not.toContain(String(other));
    expect(rows[0]).toMatchObject({
      prescribed_utc: new Date(at(10, 1)).toISOString(),
      prescribed_local: new Date(at(10, 1)).toISOString(),
      time_zone: "UTC",
      drug: "Amoxil",
      repeat: "yes",
      repeat_of_consultation: String(c1),
      repeat_gap_days: "10",
      repeated_by_consultation: "",
    });
    expect(rows[1]).toMatchObject({ strength: "500", repeat: "yes", repeat_of_consultation: "", repeated_by_consultation: String(c2), repeated_by_gap_days: "10" });
    expect(rows[1]!.dose).toMatch(/^Twice daily · .*5/);
    expect(rows[2]).toMatchObject({ drug: "", strength: "", dose: "", repeat: "no", repeat_gap_days: "" });
  });

  it("writes times in the viewer's zone too (the tz cookie)", async () => {
    const userId = memberId();
    await consultation(userId, 3, drugs({ name: "Paracetamol" }));
    const { rows } = await download(await exportRequest(userId, { cookie: "tz=Etc%2FGMT-3" }));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.time_zone).toBe("Etc/GMT-3");
    expect(rows[0]!.prescribed_local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+03:00$/);
    expect(new Date(rows[0]!.prescribed_local).getTime()).toBe(new Date(rows[0]!.prescribed_utc).getTime());
  });

  it("never lets a cell start a formula, and keeps Arabic text intact", async () => {
    const userId = memberId();
    const [first, second, third, fourth, fifth, sixth] = formulaStarts;
    await consultation(userId, 0, drugs({ name: first, tradeName: second, strengthValue: third, frequency: fourth }, { name: fifth, tradeName: hostile.arabic, frequency: sixth }, { name: hostile.html, tradeName: hostile.sql }));
    const { lines, rows } = await download(await exportRequest(userId));
    expect(rows).toHaveLength(3);
    for (const cell of lines.flat()) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
    expect(rows[0]).toMatchObject({ generic_name: `'${first}`, drug: `'${second}`, strength: `'${third}`, dose: `'${fourth}` });
    expect(rows[1]).toMatchObject({ generic_name: `'${fifth}`, drug: hostile.arabic });
    expect(rows[2]).toMatchObject({ generic_name: hostile.html, drug: hostile.sql });
  });

  it("records the export, with the member and its row count, before the first byte", async () => {
    const userId = memberId();
    await consultation(userId, 0, drugs({ name: "A" }, { name: "B" }));
    const response = await exportRequest(userId);
    expect(response.status).toBe(200);
    const db = await readDb();
    const events = await db.auditEvent.findMany({ where: { action: "export.downloaded", detail: { contains: `"memberId":"${userId}"` } } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorKind: "token", role: "coordinator", outcome: "allowed" });
    expect(JSON.parse(events[0]!.detail)).toEqual({ export: "member_prescriptions", memberId: userId, rows: 2, format: "csv" });
    expect((await download(response)).rows).toHaveLength(2);
  });

  it("is open to the export permission only: 401 anonymous, 403 auditor, 200 coordinator token", async () => {
    const userId = memberId();
    await consultation(userId, 0, drugs({ name: "A" }));
    const anonymous = await GET(new Request(`http://localhost/api/members/${userId}/export`), { params: Promise.resolve({ userId }) });
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthorized");

    const auditor = await exportRequest(userId, { authorization: await bearerFor("auditor") });
    expect(auditor.status).toBe(403);
    expect((await auditor.json()).error.code).toBe("forbidden");

    const allowed = await exportRequest(userId);
    expect(allowed.status).toBe(200);
    expect((await download(allowed)).rows).toHaveLength(1);

    await expect(exportMemberPrescriptions(asAuditor, userId)).rejects.toThrow();
  });

  it("answers 404 with the common error body for an unknown member or a malformed id, and records nothing", async () => {
    for (const userId of [memberId(), "not-a-member"]) {
      const response = await exportRequest(userId);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect((await response.json()).error.code).toBe("not_found");
      const db = await readDb();
      expect(await db.auditEvent.count({ where: { action: "export.downloaded", detail: { contains: `"memberId":"${userId}"` } } })).toBe(0);
    }
  });

  it("exports a member with consultations but no prescriptions as the header line only", async () => {
    const userId = memberId();
    await deliver(routeHandler, statusUpdate(uniqueId(), null, "new", at(0), { user_id: userId }));
    const { header, rows } = await download(await exportRequest(userId));
    expect(header).toEqual([...memberPrescriptionCsvColumns]);
    expect(rows).toEqual([]);
  });

  it("writes the header row in the language Accept-Language asks for, the cells as sent", async () => {
    const userId = memberId();
    const id = await consultation(userId, 3, drugs({ tradeName: "بانادول", name: "Paracetamol", strengthValue: "500 mg" }));
    const arabicHeader = memberPrescriptionCsvColumns.map((column) => ar.csv.memberPrescription[column]);
    expect(arabicHeader.every((name) => /[\u0600-\u06ff]/.test(name))).toBe(true);
    const { header, rows } = await readCsvDownload<Record<string, string>>(await exportRequest(userId, { "accept-language": "ar-JO,ar;q=0.9" }));
    expect(header).toEqual(arabicHeader);
    expect(rows).toEqual([expect.objectContaining({ [ar.csv.memberPrescription.consultation_id]: String(id), [ar.csv.memberPrescription.drug]: "بانادول", [ar.csv.memberPrescription.strength]: "500 mg" })]);
    expect((await download(await exportRequest(userId))).header).toEqual([...memberPrescriptionCsvColumns]);
  });
});
