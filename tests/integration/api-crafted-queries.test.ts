// Crafted queries on the read API: names of Object.prototype's members and cursors beyond int64
// are refused with 400 and the common error body, and nothing is logged (no stack per request).
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { GET as getList } from "@/app/api/consultations/route";
import { GET as getChanges } from "@/app/api/consultations/changes/route";
import { GET as getDeliveryChanges } from "@/app/api/deliveries/changes/route";
import { bearerFor } from "../support/users";

// An admin's API token: the guard answers 401 before a query is read, so the caller must pass it.
let authorization = "";
beforeAll(async () => {
  authorization = await bearerFor("admin");
});
const get = (path: string) => new Request(`http://localhost${path}`, { headers: { authorization } });
const prototypeNames = ["constructor=y", "toString=1", "hasOwnProperty=1", "__proto__=1", "valueOf=2", "isPrototypeOf=x"];

let logged: MockInstance[] = [];
beforeEach(() => {
  logged = [vi.spyOn(console, "error"), vi.spyOn(console, "warn")];
});
afterEach(() => {
  for (const spy of logged) expect(spy, "nothing is logged for a crafted query").not.toHaveBeenCalled();
  vi.restoreAllMocks();
});

async function expectRefused(response: Response, path: string) {
  expect(response.status).toBe(400);
  const { error } = await response.json();
  expect(error).toMatchObject({ code: "invalid_query", message: expect.any(String) });
  expect(error.issues.map((issue: { path: string }) => issue.path)).toContain(path);
}

describe("crafted queries answer 400 with the common body", () => {
  it.each(prototypeNames)("GET /api/consultations?%s", async (query) => {
    await expectRefused(await getList(get(`/api/consultations?${query}`)), query.split("=")[0]!);
  });

  it.each(prototypeNames)("GET /api/consultations/changes?%s", async (query) => {
    await expectRefused(await getChanges(get(`/api/consultations/changes?${query}`)), query.split("=")[0]!);
  });

  it.each(prototypeNames)("GET /api/deliveries/changes?%s", async (query) => {
    expect((await getDeliveryChanges(get(`/api/deliveries/changes?${query}`))).status).toBe(400);
  });

  it("refuses a prototype name beside valid parameters", async () => {
    await expectRefused(await getList(get("/api/consultations?status=new&constructor=y&limit=5")), "constructor");
  });

  it.each([
    ["after", "99999999999999999999_1"],
    ["before", "99999999999999999999_1"],
    ["after", "-99999999999999999999_1"],
    ["after", "9223372036854775808_1"],
  ])("GET /api/consultations?%s=%s (a key beyond int64)", async (name, value) => {
    await expectRefused(await getList(get(`/api/consultations?${name}=${value}`)), name);
  });

  it("still takes the largest int64 key as a cursor", async () => {
    const response = await getList(get("/api/consultations?after=9223372036854775807_1"));
    expect(response.status).toBe(200);
  });

  it("refuses a search with a NUL character (PostgreSQL cannot compare it)", async () => {
    await expectRefused(await getList(get("/api/consultations?q=ab%00c")), "q");
  });

  it("/api/deliveries/changes still answers without parameters", async () => {
    expect((await getDeliveryChanges(get("/api/deliveries/changes"))).status).toBe(200);
  });
});
