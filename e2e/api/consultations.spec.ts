// The read API over HTTP against next start: shapes, keyset cursors, errors.
import { expect, test } from "@playwright/test";
import { consultationChangesDto, consultationDetailDto, consultationListDto } from "../../lib/schemas/consultation";
import { recommendation, statusUpdate, uniqueId } from "../../tests/support/payloads";
import { timeWindow } from "../../tests/support/time-window";
import { deliver } from "../../tests/support/webhooks";
import { testServer } from "../support/webhooks";

test("GET /api/consultations filters, searches and pages like the list page", async ({ request }) => {
  const w = timeWindow();
  const ids = [uniqueId(), uniqueId(), uniqueId()];
  for (const [index, id] of ids.entries()) await deliver(testServer, statusUpdate(id, null, "new", w.at(index), { policy_number: `API-${ids[0]}` }));
  await deliver(testServer, recommendation(ids[0]!, w.at(10)));

  const first = await request.get(`/api/consultations?${w.query}&limit=2`);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toContain("application/json");
  const page1 = consultationListDto.parse(await first.json());
  expect(page1.items.map((item) => item.id)).toEqual([ids[0], ids[2]]);
  expect(page1.items[0]).toMatchObject({ diagnosis: { code: "B66.3", name: "Fascioliasis" }, drugCount: 2, status: "new", statusDocumented: true });
  const page2 = consultationListDto.parse(await (await request.get(`/api/consultations?${w.query}&limit=2&after=${page1.page.next}`)).json());
  expect(page2.items.map((item) => item.id)).toEqual([ids[1]]);
  expect(page2.page).toEqual({ limit: 2, next: null, prev: expect.any(String) });

  const searched = consultationListDto.parse(await (await request.get(`/api/consultations?q=API-${ids[0]}&rec=without`)).json());
  expect(searched.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
});

test("GET /api/consultations answers 400 with the uniform error body for bad parameters", async ({ request }) => {
  const response = await request.get("/api/consultations?status=archived&limit=1000");
  expect(response.status()).toBe(400);
  const body = await response.json();
  expect(body.error.code).toBe("invalid_query");
  expect(body.error.issues.map((issue: { path: string }) => issue.path).sort()).toEqual(["limit", "status.0"]);
  expect(JSON.stringify(body)).not.toMatch(/at .*\.ts|node_modules|SELECT/);
});

test("GET /api/consultations/[id] answers the consultation, 404 for an unknown one, 400 for a malformed id", async ({ request }) => {
  const w = timeWindow();
  const id = uniqueId();
  await deliver(testServer, statusUpdate(id, null, "new", w.at(1)));
  await deliver(testServer, recommendation(id, w.at(2)));
  const ok = await request.get(`/api/consultations/${id}`);
  expect(ok.status()).toBe(200);
  const detail = consultationDetailDto.parse(await ok.json());
  expect(detail.consultation.id).toBe(id);
  expect(detail.timeline).toHaveLength(1);
  expect(detail.recommendations[0]).toMatchObject({ version: 1, current: true, dispense: { passCode: "5528" } });

  const missing = await request.get(`/api/consultations/${uniqueId()}`);
  expect(missing.status()).toBe(404);
  expect(await missing.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  const malformed = await request.get("/api/consultations/12abc");
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.code).toBe("invalid_id");
});

test("GET /api/consultations/changes reports a consultation changed after the cursor", async ({ request }) => {
  const start = consultationChangesDto.parse(await (await request.get("/api/consultations/changes")).json());
  const id = uniqueId();
  await deliver(testServer, statusUpdate(id, null, "new", timeWindow().at(1)));
  const since = start.cursor ? `?since=${encodeURIComponent(start.cursor)}` : "";
  const after = consultationChangesDto.parse(await (await request.get(`/api/consultations/changes${since}`)).json());
  expect(after.changes.map((change) => change.id)).toContain(id);
});
