// GET /api/consultations/export on a real database: the list's filters as CSV (read back with
// csv-parse, as a spreadsheet would), no cell a formula, Arabic intact, every batch of the keyset
// walk, the audit event committed before the first byte, and who may download it.
import { beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/api/consultations/export/route";
import { exportConsultations } from "@/lib/data/consultation-export";
import { listConsultations } from "@/lib/data/consultation-list";
import { readDb, writeTransaction } from "@/lib/db";
import { signInWithPassword } from "@/lib/auth/sign-in";
import ar from "@/messages/ar.json";
import { csvStream } from "@/lib/http/csv-stream";
import { consultationCsvColumns } from "@/lib/present/consultation-csv";
import { asAuditor, asCoordinator } from "../support/callers";
import { readCsvDownload } from "../support/csv-download";
import { formulaStarts, hostile } from "../support/hostile";
import { listQuery } from "../support/list-query";
import { recommendation, statusUpdate, uniqueId } from "../support/payloads";
import { routeHandler } from "../support/route-handler";
import { timeWindow } from "../support/time-window";
import { bearerFor, clientHeaders, cookieHeader, createTestUser } from "../support/users";
import { deliver } from "../support/webhooks";

let coordinator = "";
beforeAll(async () => {
  coordinator = await bearerFor("coordinator");
});

const exportRequest = (query: string, headers: Record<string, string> = {}) =>
  GET(new Request(`http://localhost/api/consultations/export?${query}`, { headers: { authorization: coordinator, ...headers } }));

type CsvRow = Record<(typeof consultationCsvColumns)[number], string>;

const download = (response: Response) => readCsvDownload<CsvRow>(response);

describe("GET /api/consultations/export", () => {
  it("answers a CSV attachment of exactly the rows the list's filters match, in the list's order", async () => {
    const w = timeWindow();
    const [a, b, c, outside] = [uniqueId(), uniqueId(), uniqueId(), uniqueId()];
    await deliver(routeHandler, statusUpdate(a, "new", "closed", w.at(1), { user_id: 501, insurance_id: "INS-1", policy_number: "P-1" }));
    await deliver(routeHandler, statusUpdate(b, null, "new", w.at(2)));
    await deliver(routeHandler, statusUpdate(c, "in_progress", "closed", w.at(3)));
    await deliver(routeHandler, recommendation(c, w.at(4)));
    await deliver(routeHandler, statusUpdate(outside, "new", "closed", w.at(24 * 60 + 5))); // the next day

    const response = await exportRequest(`${w.query}&status=closed`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="care-desk-consultations-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("cache-control")).toBe("no-store");

    const { bytes, header, rows } = await download(response);
    const listed = await listConsultations(asCoordinator, listQuery(`${w.query}&status=closed`));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the UTF-8 byte order mark
    expect(header).toEqual([...consultationCsvColumns]);
    expect(rows.map((row) => row.consultation_id)).toEqual([String(c), String(a)]);
    expect(rows[1]).toMatchObject({
      member_id: "501",
      insurance_id: "INS-1",
      policy_number: "P-1",
      status: "closed",
      status_since_utc: listed.items[1]!.statusSince!.utc,
      first_seen_utc: listed.items[1]!.firstSeenAt,
      last_event_utc: listed.items[1]!.lastEventTime.utc,
      updated_utc: listed.items[1]!.updatedAt,
      time_zone: "UTC",
      recommendation: "no",
      diagnoses: "",
      drugs: "",
      drug_count: "",
    });
    expect(rows[0]).toMatchObject({
      status: "closed",
      recommendation: "yes",
      diagnoses: "L81.2 Freckles (symptom); B66.3 Fascioliasis",
      drugs: "PIMOZIDE; KETOPROFEN",
      drug_count: "2",
      last_event_utc: listed.items[0]!.lastEventTime.utc,
    });
    for (const row of rows) {
      expect(new Date(row.first_seen_utc).toISOString()).toBe(row.first_seen_utc);
      expect(row.updated_local).toBe(row.updated_utc); // UTC: the same instant, written the same way
    }
  });

  it("writes times in the viewer's zone too (the tz cookie, as the pages read it)", async () => {
    const w = timeWindow();
    const id = uniqueId();
    await deliver(routeHandler, statusUpdate(id, null, "new", w.at(90)));
    // A fixed +03:00 zone: the test's day (1800–1999) is before most zones left local mean time.
    const { rows } = await download(await exportRequest(w.query, { cookie: "theme=dark; tz=Etc%2FGMT-3" }));
    expect(rows.map((row) => row.consultation_id)).toEqual([String(id)]);
    const row = rows[0]!;
    expect(row.time_zone).toBe("Etc/GMT-3");
    expect(row.last_event_local).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+03:00$/);
    for (const column of ["last_event", "first_seen", "updated", "status_since"] as const) {
      expect(new Date(row[`${column}_local`]).getTime(), column).toBe(new Date(row[`${column}_utc`]).getTime());
    }
  });

  it("never lets a cell start a formula, and keeps Arabic text intact", async () => {
    const w = timeWindow();
    const id = uniqueId();
    const [first, second, third, fourth, fifth, sixth] = formulaStarts;
    await deliver(
      routeHandler,
      recommendation(
        id,
        w.at(7),
        {
          icd10: { diagnosis: [{ code: second, name: hostile.html }, { code: "K29.7", name: hostile.arabic }] },
          drug: { fdaDrug: [{ name: fifth }, { name: hostile.arabic }] },
        },
        { insurance_id: first, policy_number: third },
      ),
    );
    const other = uniqueId();
    await deliver(routeHandler, recommendation(other, w.at(8), { icd10: { diagnosis: [{ code: null, name: fourth }] }, drug: { fdaDrug: [{ name: sixth }] } }, { insurance_id: hostile.sql }));

    const { lines, rows } = await download(await exportRequest(w.query));
    expect(rows.map((row) => row.consultation_id)).toEqual([String(other), String(id)]);
    for (const cell of lines.flat()) expect(cell, JSON.stringify(cell)).not.toMatch(/^[=+\-@\t\r]/);
    const [otherRow, row] = rows as [CsvRow, CsvRow];
    expect(row.insurance_id).toBe(`'${first}`);
    expect(row.policy_number).toBe(`'${third}`);
    expect(row.diagnoses).toBe(`'${second} ${hostile.html}; K29.7 ${hostile.arabic}`);
    expect(row.drugs).toBe(`'${fifth}; ${hostile.arabic}`);
    expect(otherRow.diagnoses).toBe(`'${fourth}`);
    expect(otherRow.drugs).toBe(`'${sixth}`);
    expect(otherRow.insurance_id).toBe(hostile.sql);
  });

  it("walks every batch of the keyset cursor, in the list's order, and stops at the recorded count", async () => {
    const w = timeWindow();
    const created = Array.from({ length: 7 }, () => uniqueId());
    for (const [index, id] of created.entries()) await deliver(routeHandler, statusUpdate(id, null, "new", w.at(10 + index)));
    const newestFirst = [...created].reverse();

    const batches: number[][] = [];
    for await (const batch of exportConsultations(asCoordinator, listQuery(w.query), { batchSize: 3 })) batches.push(batch.map((row) => row.id));
    expect(batches).toEqual([newestFirst.slice(0, 3), newestFirst.slice(3, 6), newestFirst.slice(6)]);

    const oldestFirst: number[] = [];
    for await (const batch of exportConsultations(asCoordinator, listQuery(`${w.query}&sort=status_time&dir=asc`), { batchSize: 2 })) oldestFirst.push(...batch.map((row) => row.id));
    expect(oldestFirst).toEqual(created);

    const capped: number[][] = [];
    for await (const batch of exportConsultations(asCoordinator, listQuery(w.query), { batchSize: 3, upTo: 4 })) capped.push(batch.map((row) => row.id));
    expect(capped).toEqual([newestFirst.slice(0, 3), newestFirst.slice(3, 4)]);

    // The route's own pages of 500 give the same rows; a page cursor or size in the URL is ignored.
    const { rows } = await download(await exportRequest(`${w.query}&limit=2`));
    expect(rows.map((row) => Number(row.consultation_id))).toEqual(newestFirst);
  });

  it("records the export, with its filters and row count, before the first byte", async () => {
    const w = timeWindow();
    const n = uniqueId();
    const ids = [uniqueId(), uniqueId(), uniqueId()];
    for (const [index, id] of ids.entries()) await deliver(routeHandler, recommendation(id, w.at(index), { icd10: { diagnosis: [{ code: `X${n}`, name: "Export test" }] } }));
    await deliver(routeHandler, statusUpdate(uniqueId(), null, "new", w.at(30)));

    const response = await exportRequest(`${w.query}&rec=with&q=X${n}`);
    expect(response.status).toBe(200);
    // Committed already: the body has not been read yet.
    const db = await readDb();
    const events = await db.auditEvent.findMany({ where: { action: "export.downloaded", detail: { contains: `X${n}` } } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorKind: "token", role: "coordinator", outcome: "allowed" });
    expect(JSON.parse(events[0]!.detail)).toEqual({ query: `from=${w.date}&to=${w.date}&tz=UTC&rec=with&q=X${n}`, rows: 3, format: "csv" });
    expect((await download(response)).rows).toHaveLength(3);
  });

  it("is open to the export permission only: 401 anonymous, 403 auditor, 200 coordinator token", async () => {
    const anonymous = await GET(new Request("http://localhost/api/consultations/export"));
    expect(anonymous.status).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthorized");

    const auditor = await exportRequest("", { authorization: await bearerFor("auditor") });
    expect(auditor.status).toBe(403);
    expect((await auditor.json()).error.code).toBe("forbidden");

    const allowed = await exportRequest(timeWindow().query);
    expect(allowed.status).toBe(200);
    expect((await download(allowed)).rows).toEqual([]);

    // lib/data checks again: an auditor caller never gets a batch.
    await expect(exportConsultations(asAuditor, listQuery("")).next()).rejects.toThrow();
  });

  it("answers 400 with the common error body for a query the list refuses", async () => {
    const response = await exportRequest("status=bogus");
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ code: "invalid_query", issues: [expect.objectContaining({ path: "status.0" })] });
  });
});

describe("csvStream", () => {
  it("sends the first bytes before the last batch is read, reads ahead of a client that stops only a few batches, and stops when it goes away", async () => {
    let read = 0;
    let finished = false;
    const batchCount = 10_000;
    async function* batches() {
      try {
        for (; read < batchCount; ) {
          read += 1;
          yield Array.from({ length: 10 }, (_, index) => [String(read), `row ${index}`]);
        }
      } finally {
        finished = true;
      }
    }
    const reader = csvStream(["batch", "row"], batches(), (error) => {
      throw error;
    }).getReader();
    const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    let text = "";
    while (!text.includes("row 0")) text += decoder.decode((await reader.read()).value, { stream: true });
    expect(text.startsWith("\ufeffbatch,row\n1,row 0")).toBe(true);
    expect(read).toBeGreaterThan(0);
    // A client that stops reading stops the source: given all the time it wants, the stream
    // reads only as far ahead as its buffers' high-water marks (some tens of kilobytes, a few
    // hundred of these 12-byte lines), never the 10,000 batches.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(read).toBeLessThan(1_000);
    await reader.cancel();
    await expect.poll(() => finished, { timeout: 10_000 }).toBe(true);
    expect(read).toBeLessThan(batchCount);
  });

  it("writes the header row in the caller's language (an Arabic user's preference, or Accept-Language), and the cells as sent", async () => {
    const w = timeWindow();
    const id = uniqueId();
    await deliver(routeHandler, statusUpdate(id, "new", "closed", w.at(1), { user_id: 77_001, policy_number: "وثيقة-7" }));
    const arabicHeader = consultationCsvColumns.map((column) => ar.csv.consultation[column]);
    expect(new Set(arabicHeader).size).toBe(consultationCsvColumns.length);
    expect(arabicHeader.every((name) => /[\u0600-\u06ff]/.test(name))).toBe(true);

    // A signed-in coordinator who chose Arabic, on a browser that asks for English.
    const user = await createTestUser("coordinator");
    await writeTransaction((tx) => tx.user.update({ where: { id: user.id }, data: { locale: "ar" } }));
    const signedIn = await signInWithPassword(user.email, user.password, clientHeaders());
    if (!signedIn.ok) throw new Error("the test user could not sign in");
    const bySession = await GET(
      new Request(`http://localhost/api/consultations/export?${w.query}`, { headers: { cookie: cookieHeader(signedIn.setCookies), "accept-language": "en-US" } }),
    );
    expect(bySession.status).toBe(200);
    const arabic = await readCsvDownload<Record<string, string>>(bySession);
    expect(arabic.header).toEqual(arabicHeader);
    expect(arabic.rows).toHaveLength(1);
    expect(arabic.rows[0]).toMatchObject({ [ar.csv.consultation.consultation_id]: String(id), [ar.csv.consultation.member_id]: "77001", [ar.csv.consultation.policy_number]: "وثيقة-7", [ar.csv.consultation.status]: "closed" });

    // An API token has no preference: its request's Accept-Language chooses, else English.
    expect((await download(await exportRequest(w.query, { "accept-language": "ar" }))).header).toEqual(arabicHeader);
    expect((await download(await exportRequest(w.query, { cookie: "locale=ar" }))).header).toEqual(arabicHeader);
    const english = await download(await exportRequest(w.query, { "accept-language": "en-GB,ar;q=0.5" }));
    expect(english.header).toEqual([...consultationCsvColumns]);
    expect(english.rows.map((row) => row.consultation_id)).toEqual([String(id)]);
  });
});
