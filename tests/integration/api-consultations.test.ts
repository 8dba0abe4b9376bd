// The read API's route handlers on a real database: shapes, errors, live-refresh cursors.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getList } from "@/app/api/consultations/route";
import { GET as getOne } from "@/app/api/consultations/[id]/route";
import { GET as getChanges } from "@/app/api/consultations/changes/route";
import { consultationChangesDto, consultationDetailDto, consultationListDto } from "@/lib/schemas/consultation";
import { overlapMs, settledCursor } from "@/lib/data/consultation-changes";
import { readDb, writeTransaction } from "@/lib/db";
import { readFixture, recommendation, statusUpdate, uniqueId } from "../support/payloads";
import { timeWindow } from "../support/time-window";
import { routeHandler } from "../support/route-handler";
import { deliver } from "../support/webhooks";
import { bearerFor } from "../support/users";

// The read API needs a caller: a coordinator's API token (tests/integration/auth-*.test.ts cover the refusals).
let authorization = "";
beforeAll(async () => {
  authorization = await bearerFor("coordinator");
});
const get = (path: string) => new Request(`http://localhost${path}`, { headers: { authorization } });
const params = (id: string) => ({ params: Promise.resolve({ id }) });

describe("GET /api/consultations", () => {
  it("answers a page of summaries and cursors, with the page's filters", async () => {
    const w = timeWindow();
    const [a, b, c] = [uniqueId(), uniqueId(), uniqueId()];
    await deliver(routeHandler, statusUpdate(a, null, "new", w.at(1)));
    await deliver(routeHandler, statusUpdate(b, "new", "closed", w.at(2)));
    await deliver(routeHandler, { ...readFixture("recommendation_data"), consultation_id: c, datetime: w.at(3) });

    const response = await getList(get(`/api/consultations?${w.query}&limit=2`));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = consultationListDto.parse(await response.json());
    expect(body.items.map((item) => item.id)).toEqual([c, b]);
    expect(body.page).toMatchObject({ limit: 2, prev: null, next: expect.any(String) });
    expect(body.items[0]).toMatchObject({ diagnosis: { code: "B66.3", name: "Fascioliasis" }, drugCount: 2, status: null });

    const next = consultationListDto.parse(await (await getList(get(`/api/consultations?${w.query}&limit=2&after=${body.page.next}`))).json());
    expect(next.items.map((item) => item.id)).toEqual([a]);
    expect(next.page.next).toBeNull();

    const closed = consultationListDto.parse(await (await getList(get(`/api/consultations?${w.query}&status=closed`))).json());
    expect(closed.items.map((item) => item.id)).toEqual([b]);
  });

  it.each([
    ["status=bogus", "status.0"],
    ["limit=0", "limit"],
    ["limit=201", "limit"],
    ["limit=ten", "limit"],
    ["sort=name", "sort"],
    ["dir=up", "dir"],
    ["rec=maybe", "rec"],
    ["from=yesterday", "from"],
    ["to=2023-13-45", "to"],
    ["from=2023-02-30", "from"],
    ["limit=1.5", "limit"],
    ["after=drop-table", "after"],
    ["after=1_1&before=1_1", "before"],
    [`q=${"x".repeat(101)}`, "q"],
  ])("answers 400 with the uniform error body for %s", async (query, path) => {
    const response = await getList(get(`/api/consultations?${query}`));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body).toEqual({
      error: { code: "invalid_query", message: expect.any(String), issues: expect.arrayContaining([expect.objectContaining({ path })]) },
    });
  });
});

describe("GET /api/consultations/[id]", () => {
  it("answers the consultation, its timeline and every recommendation version, newest first", async () => {
    const w = timeWindow();
    const id = uniqueId();
    await deliver(routeHandler, statusUpdate(id, "new", "in_progress", w.at(5)));
    await deliver(routeHandler, statusUpdate(id, null, "new", w.at(1))); // arrives late
    await deliver(routeHandler, recommendation(id, w.at(10)));
    await deliver(routeHandler, recommendation(id, w.at(20), { drug: { fdaDrug: [{ name: "PARACETAMOL" }] } }));

    const response = await getOne(get(`/api/consultations/${id}`), params(String(id)));
    expect(response.status).toBe(200);
    const body = consultationDetailDto.parse(await response.json());
    expect(body.consultation).toMatchObject({ id, status: "in_progress", drugCount: 1 });
    expect(body.timeline.map((event) => [event.newStatus, event.outOfOrder])).toEqual([
      ["new", true],
      ["in_progress", false],
    ]);
    expect(body.recommendations.map((rec) => [rec.version, rec.current, rec.drugs.map((drug) => drug.name)])).toEqual([
      [2, true, ["PARACETAMOL"]],
      [1, false, ["PIMOZIDE", "KETOPROFEN"]],
    ]);
  });

  it("carries a drug's registration number from the webhook to its row and the answer (as text, numbers too)", async () => {
    const id = uniqueId();
    await deliver(routeHandler, recommendation(id, timeWindow().at(1), { drug: { fdaDrug: [{ name: "PARACETAMOL", registrationNumber: "6-1234-19" }, { name: "IBUPROFEN", registrationNumber: 778 }] } }));

    const db = await readDb();
    const rows = await db.recommendationDrug.findMany({ where: { recommendation: { consultationId: BigInt(id) } }, orderBy: { position: "asc" } });
    expect(rows.map((row) => [row.name, row.registrationNumber])).toEqual([
      ["PARACETAMOL", "6-1234-19"],
      ["IBUPROFEN", "778"],
    ]);

    const body = consultationDetailDto.parse(await (await getOne(get(`/api/consultations/${id}`), params(String(id)))).json());
    expect(body.recommendations[0]!.drugs.map((drug) => drug.registrationNumber)).toEqual(["6-1234-19", "778"]);
  });

  it("answers 404 for an unknown consultation and 400 for a malformed id", async () => {
    const missing = await getOne(get("/api/consultations/9007199254740991"), params("9007199254740991"));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    for (const id of ["abc", "0", "-1", "1.5", "9007199254740992", "1e3"]) {
      const response = await getOne(get(`/api/consultations/${id}`), params(id));
      expect(response.status, id).toBe(400);
      expect((await response.json()).error.code).toBe("invalid_id");
    }
  });
});

describe("GET /api/consultations/changes", () => {
  const changes = async (query: string) => {
    const response = await getChanges(get(`/api/consultations/changes?${query}`));
    expect(response.status).toBe(200);
    return consultationChangesDto.parse(await response.json());
  };

  it("lists what changed since a cursor, re-reading an overlap window before it", async () => {
    const start = await changes("");
    const id = uniqueId();
    await deliver(routeHandler, statusUpdate(id, null, "new", timeWindow().at(1)));
    const after = await changes(start.cursor ? `since=${encodeURIComponent(start.cursor)}` : "");
    expect(after.changes.map((change) => change.id)).toContain(id);
    const change = after.changes.find((item) => item.id === id)!;
    expect(after.cursor! >= change.updatedAt).toBe(true);

    // A cursor a little past the change still lists it (the overlap window) …
    const later = new Date(new Date(change.updatedAt).getTime() + overlapMs / 2).toISOString();
    expect((await changes(`since=${encodeURIComponent(later)}`)).changes.map((item) => item.id)).toContain(id);
    // … and one well past it does not.
    const muchLater = new Date(new Date(change.updatedAt).getTime() + overlapMs * 3).toISOString();
    expect((await changes(`since=${encodeURIComponent(muchLater)}`)).changes.map((item) => item.id)).not.toContain(id);
  });

  it("narrows to one consultation, whose updatedAt moves with every event", async () => {
    const w = timeWindow();
    const id = uniqueId();
    await deliver(routeHandler, statusUpdate(id, null, "new", w.at(1)));
    const first = await changes(`id=${id}`);
    expect(first.changes).toEqual([{ id, updatedAt: expect.any(String) }]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await deliver(routeHandler, recommendation(id, w.at(2)));
    const second = await changes(`id=${id}&since=${encodeURIComponent(first.cursor!)}`);
    expect(second.changes).toHaveLength(1);
    expect(second.changes[0]!.updatedAt > first.changes[0]!.updatedAt).toBe(true);
    expect(await changes(`id=${uniqueId()}`)).toEqual({ cursor: null, changes: [], truncated: false });
  });

  it("opened long after the latest change, lists nothing and starts just past its window; the next change is listed", async () => {
    const w = timeWindow();
    const id = uniqueId();
    await deliver(routeHandler, statusUpdate(id, null, "new", w.at(1)));
    // As if that change was written a minute ago (the clock is what a test cannot wait for).
    const minuteAgo = new Date(Date.now() - 60_000);
    await writeTransaction((tx) => tx.consultation.update({ where: { id: BigInt(id) }, data: { updatedAt: minuteAgo } }));
    const opened = await changes(`id=${id}`);
    expect(opened).toEqual({ cursor: new Date(minuteAgo.getTime() + overlapMs + 1).toISOString(), changes: [], truncated: false });

    await deliver(routeHandler, statusUpdate(id, "new", "in_progress", w.at(2)));
    const next = await changes(`id=${id}&since=${encodeURIComponent(opened.cursor!)}`);
    expect(next.changes.map((change) => change.id)).toEqual([id]);
  });

  it("settles a window by this server's clock: a change within the overlap of now is still read", () => {
    const now = new Date("2026-12-02T10:00:00.000Z");
    expect(settledCursor(new Date(now.getTime() - overlapMs + 1), overlapMs, now)).toBeNull();
    expect(settledCursor(new Date(now.getTime() - overlapMs), overlapMs, now)).toBeNull();
    expect(settledCursor(new Date(now.getTime() - overlapMs - 1), overlapMs, now)).toBe("2026-12-02T10:00:00.000Z");
  });

  it.each(["since=yesterday", "since=2023-02-30Tnope", "id=abc", "id=0"])("answers 400 for %s", async (query) => {
    const response = await getChanges(get(`/api/consultations/changes?${query}`));
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_query");
  });
});
