// Member history (/members/[userId]) and a policy's members (/members?policy=…): lib/data/members
// on a real database (ids and their earlier values, consultations newest first with keyset pages,
// prescriptions and repeat flags, dependants, where a search lands), then the pages on `next
// start` (what a coordinator sees, the member.viewed rows, 404 for an unknown member).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDb } from "@/lib/db";
import { PermissionDeniedError } from "@/lib/auth/permissions";
import { findMemberSearchTarget, getMemberHistory, listPolicyMembers } from "@/lib/data/members";
import { parseMemberPageQuery, type MemberPageQuery } from "@/lib/schemas/member";
import { serverEnv } from "../support/deliveries";
import { asAdmin, asAuditor, asCoordinator } from "../support/callers";
import { startNextServer, type RunningServer } from "../support/next-server";
import { recommendation, recommendationData, statusUpdate, uniqueId, type Json } from "../support/payloads";
import { routeHandler } from "../support/route-handler";
import { signInOver } from "../support/server-actions";
import { createTestUser } from "../support/users";
import { deliver } from "../support/webhooks";

const memberId = () => String(uniqueId());
const query = (text = ""): MemberPageQuery => {
  const parsed = parseMemberPageQuery(new URLSearchParams(text));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.query;
};
const member = (userId: string, insuranceId: string | null, policyNumber: string | null): Json => ({
  user_id: userId,
  ...(insuranceId === null ? {} : { insurance_id: insuranceId }),
  ...(policyNumber === null ? {} : { policy_number: policyNumber }),
});
const drugs = (...names: string[]) => recommendationData({ drug: { fdaDrug: names.map((name) => ({ name, tradeName: `${name} trade`, frequency: "Twice daily", duration: 5 })) } });
const at = (day: number, hours = 0) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000 + hours * 3_600_000).toISOString().replace(".000Z", ".000000Z");

/** A consultation of the member: a status event, then (given drugs) a recommendation an hour later. */
async function consultation(ids: Json, day: number, status: string, data?: Json, hours = 0): Promise<number> {
  const id = uniqueId();
  await deliver(routeHandler, statusUpdate(id, null, status, at(day, hours), ids));
  if (data) await deliver(routeHandler, recommendation(id, at(day, hours + 1), data, ids));
  return id;
}

describe("getMemberHistory", () => {
  it("lists the member's ids as sent (latest first, earlier ones kept) and every consultation newest first, with status, diagnosis and drugs", async () => {
    const userId = memberId();
    const [oldInsurance, newInsurance, policy] = [`INS-${uniqueId()}`, `INS-${uniqueId()}`, `POL-${uniqueId()}`];
    const first = await consultation(member(userId, oldInsurance, policy), 0, "closed", drugs("Amoxicillin"));
    const second = await consultation(member(userId, newInsurance, policy), 40, "in_progress");
    const other = await consultation(member(memberId(), newInsurance, policy), 41, "new");

    const history = (await getMemberHistory(asCoordinator, userId, query()))!;
    expect(history.member.userId).toBe(userId);
    expect(history.member.consultations).toBe(2);
    expect(history.member.insuranceIds.map(({ value, latest }) => ({ value, latest }))).toEqual([
      { value: newInsurance, latest: true },
      { value: oldInsurance, latest: false },
    ]);
    expect(history.member.policyNumbers.map((value) => [value.value, value.consultations])).toEqual([[policy, 2]]);
    expect(history.consultations.map((item) => item.id)).toEqual([second, first]);
    expect(history.consultations.map((item) => item.id)).not.toContain(other);
    const [newest, oldest] = history.consultations;
    expect(newest).toMatchObject({ status: "in_progress", diagnosis: null, drugs: [] });
    expect(oldest).toMatchObject({ status: "closed", diagnosis: { code: "B66.3", name: "Fascioliasis" }, drugs: [{ name: "Amoxicillin", tradeName: "Amoxicillin trade" }] });
    expect(history.prescriptions).toEqual([
      expect.objectContaining({ consultationId: first, name: "Amoxicillin", frequency: "Twice daily", duration: "5", prescribedAt: { sent: at(0, 1), utc: new Date(at(0, 1)).toISOString() }, repeatOf: null, repeatedBy: null }),
    ]);
    expect(await getMemberHistory(asAdmin, userId, query())).not.toBeNull();
  });

  it("flags the same generic drug (any case) prescribed again within 30 days on both prescriptions, with the gap in days", async () => {
    const userId = memberId();
    const ids = member(userId, null, null);
    const c1 = await consultation(ids, 0, "closed", drugs("Amoxicillin", "Ibuprofen"));
    const c2 = await consultation(ids, 10, "closed", drugs("AMOXICILLIN"), 3); // 10 days and 3 hours later: 10 days
    const c3 = await consultation(ids, 41, "closed", drugs(" amoxicillin ")); // 30 days 21 hours after c2: outside the window
    const c4 = await consultation(ids, 71, "closed", drugs("Amoxicillin")); // exactly 30 days after c3: inside
    const c5 = await consultation(ids, 72, "closed", drugs("Paracetamol", "Paracetamol")); // twice in one recommendation: no repeat

    const { prescriptions, repeatWindowDays } = (await getMemberHistory(asCoordinator, userId, query()))!;
    expect(repeatWindowDays).toBe(30);
    const flags = prescriptions.map((item) => ({
      consultation: item.consultationId,
      name: item.name,
      of: item.repeatOf && [item.repeatOf.consultationId, item.repeatOf.gapDays],
      by: item.repeatedBy && [item.repeatedBy.consultationId, item.repeatedBy.gapDays],
    }));
    expect(flags).toEqual([
      { consultation: c5, name: "Paracetamol", of: null, by: null },
      { consultation: c5, name: "Paracetamol", of: null, by: null },
      { consultation: c4, name: "Amoxicillin", of: [c3, 30], by: null },
      { consultation: c3, name: " amoxicillin ", of: null, by: [c4, 30] },
      { consultation: c2, name: "AMOXICILLIN", of: [c1, 10], by: null },
      { consultation: c1, name: "Amoxicillin", of: null, by: [c2, 10] },
      { consultation: c1, name: "Ibuprofen", of: null, by: null },
    ]);

    // A shorter window (CARE_DESK_REPEAT_PRESCRIPTION_DAYS) flags fewer.
    const narrow = (await getMemberHistory(asCoordinator, userId, query(), 7))!;
    expect(narrow.prescriptions.filter((item) => item.repeatOf || item.repeatedBy)).toEqual([]);
  });

  it("pages a member's consultations with keyset cursors, forwards and back", async () => {
    const userId = memberId();
    const ids = member(userId, null, null);
    const created: number[] = [];
    for (const day of [3, 0, 4, 1, 2]) created[day] = await consultation(ids, day, "new");
    const newestFirst = [...created].reverse();

    const pages = [await getMemberHistory(asCoordinator, userId, query("limit=2"))];
    while (pages.at(-1)!.page.next) pages.push(await getMemberHistory(asCoordinator, userId, query(`limit=2&after=${pages.at(-1)!.page.next}`)));
    expect(pages.map((page) => page!.consultations.map((item) => item.id))).toEqual([newestFirst.slice(0, 2), newestFirst.slice(2, 4), newestFirst.slice(4)]);
    expect(pages[0]!.page.prev).toBeNull();
    expect(pages.every((page) => page!.member.consultations === 5)).toBe(true);

    const back = (await getMemberHistory(asCoordinator, userId, query(`limit=2&before=${pages[2]!.page.prev}`)))!;
    expect(back.consultations.map((item) => item.id)).toEqual(newestFirst.slice(2, 4));
    const first = (await getMemberHistory(asCoordinator, userId, query(`limit=2&before=${back.page.prev}`)))!;
    expect(first.consultations.map((item) => item.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.page.prev).toBeNull();
  });

  it("answers null for a member no consultation names, and refuses a role without members:read", async () => {
    expect(await getMemberHistory(asCoordinator, memberId(), query())).toBeNull();
    await expect(getMemberHistory(asAuditor, memberId(), query())).rejects.toBeInstanceOf(PermissionDeniedError);
    await expect(listPolicyMembers(asAuditor, "x")).rejects.toBeInstanceOf(PermissionDeniedError);
  });
});

describe("listPolicyMembers", () => {
  it("lists every member seen with a policy (holder and dependants), latest seen first, and counts consultations without a member id", async () => {
    const policy = `POL-${uniqueId()}`;
    const [holder, dependant] = [memberId(), memberId()];
    await consultation(member(holder, null, policy), 0, "closed");
    await consultation(member(dependant, null, policy), 5, "closed");
    await consultation(member(holder, null, policy), 9, "new");
    const anonymous = uniqueId();
    await deliver(routeHandler, { ...statusUpdate(anonymous, null, "new", at(1)), user_id: undefined, policy_number: policy });

    const list = await listPolicyMembers(asCoordinator, policy);
    expect(list.members.map(({ userId, consultations }) => [userId, consultations])).toEqual([
      [holder, 2],
      [dependant, 1],
    ]);
    expect(list.members[0]!.lastEvent).toBe(new Date(at(9)).toISOString());
    expect(list.withoutMember).toBe(1);
    expect(list.truncated).toBe(false);
    expect((await listPolicyMembers(asCoordinator, `POL-${uniqueId()}`)).members).toEqual([]);
  });
});

describe("findMemberSearchTarget (the list's search box)", () => {
  it("opens the member for their id, an insurance id or policy number only they have; a shared policy opens its members; anything else stays on the list", async () => {
    const [alone, holder, dependant] = [memberId(), memberId(), memberId()];
    const [insurance, ownPolicy, sharedPolicy, sharedInsurance] = [`INS-${uniqueId()}`, `POL-${uniqueId()}`, `POL-${uniqueId()}`, `INS-${uniqueId()}`];
    const consultationId = await consultation(member(alone, insurance, ownPolicy), 0, "new");
    await consultation(member(holder, sharedInsurance, sharedPolicy), 0, "new");
    await consultation(member(dependant, sharedInsurance, sharedPolicy), 1, "new");

    expect(await findMemberSearchTarget(asCoordinator, alone)).toEqual({ kind: "member", userId: alone });
    expect(await findMemberSearchTarget(asCoordinator, insurance)).toEqual({ kind: "member", userId: alone });
    expect(await findMemberSearchTarget(asCoordinator, ownPolicy)).toEqual({ kind: "member", userId: alone });
    expect(await findMemberSearchTarget(asCoordinator, sharedPolicy)).toEqual({ kind: "policy", policyNumber: sharedPolicy });
    // An insurance id two members were sent with names no one member.
    expect(await findMemberSearchTarget(asCoordinator, sharedInsurance)).toBeNull();
    // A consultation id is the list's (it shows that consultation).
    expect(await findMemberSearchTarget(asCoordinator, String(consultationId))).toBeNull();
    expect(await findMemberSearchTarget(asCoordinator, `nobody-${uniqueId()}`)).toBeNull();
  });
});

describe("the member pages on next start", () => {
  let server: RunningServer;
  let cookie = "";
  let coordinatorId = "";
  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
    return { status: response.status, text: await response.text() };
  };

  beforeAll(async () => {
    server = await startNextServer(serverEnv());
    const user = await createTestUser("coordinator");
    coordinatorId = user.id;
    const signedIn = await signInOver(server, user);
    expect(signedIn.response.status).toBe(200);
    cookie = signedIn.cookie;
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it("shows a coordinator the member's history with the repeat flag, recorded as member.viewed before it is sent", async () => {
    const userId = memberId();
    const policy = `POL-${uniqueId()}`;
    const ids = member(userId, `INS-${uniqueId()}`, policy);
    const c1 = await consultation(ids, 0, "closed", drugs("Metformin"));
    const c2 = await consultation(ids, 12, "closed", drugs("metformin"));

    const page = await get(`/members/${userId}`);
    expect(page.status).toBe(200);
    expect(page.text).toMatch(new RegExp(`<h1 id="member-heading"[^>]*>Member(<!-- -->)? <bdi class="font-mono">${userId}</bdi></h1>`));
    expect(page.text).toContain(`href="/consultations/${c1}"`);
    expect(page.text).toContain(`href="/consultations/${c2}"`);
    expect(page.text).toContain(`href="/members?policy=${policy}"`);
    expect(page.text).toMatch(/data-testid="repeat-of".*12 days after/);
    expect(page.text).toMatch(/data-testid="repeated-by".*again 12 days later in/);

    const row = await (await readDb()).auditEvent.findFirstOrThrow({ where: { action: "member.viewed", actorId: coordinatorId }, orderBy: { seq: "desc" } });
    expect(row).toMatchObject({ role: "coordinator", outcome: "allowed", consultationId: null });
    expect(JSON.parse(row.detail)).toEqual({ memberId: userId, consultations: 2 });
  });

  it("sends a search for a member's insurance id to the member's page, recording the search term; other filters keep the list", async () => {
    const userId = memberId();
    const insurance = `INS-${uniqueId()}`;
    await consultation(member(userId, insurance, null), 0, "new");
    // The list streams behind its loading.tsx, so the redirect reaches the browser in the page
    // itself: Next's refresh meta tag (and its client-side redirect), not a 307.
    const list = await get(`/consultations?q=${insurance}`);
    expect(list.text).toContain(`<meta id="__next-page-redirect" http-equiv="refresh" content="1;url=/members/${userId}"/>`);
    expect(list.text).not.toContain('data-testid="consultation-table"');
    const searched = await (await readDb()).auditEvent.findFirstOrThrow({ where: { actorId: coordinatorId, action: "consultations.listed" }, orderBy: { seq: "desc" } });
    expect(JSON.parse(searched.detail)).toEqual({ via: "page", query: `q=${insurance}`, rows: 0, opened: "member" });

    // A search the list's other filters narrow stays on the list.
    const filtered = await get(`/consultations?q=${insurance}&status=new`);
    expect(filtered.text).not.toContain("__next-page-redirect");
    expect(filtered.text).toContain('data-testid="consultation-table"');
  });

  it("lists a policy's members, recorded as member.viewed; an unknown member is a 404", async () => {
    const policy = `POL-${uniqueId()}`;
    const [holder, dependant] = [memberId(), memberId()];
    await consultation(member(holder, null, policy), 0, "closed");
    await consultation(member(dependant, null, policy), 1, "closed");
    const page = await get(`/members?policy=${policy}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(`href="/members/${holder}"`);
    expect(page.text).toContain(`href="/members/${dependant}"`);
    const row = await (await readDb()).auditEvent.findFirstOrThrow({ where: { action: "member.viewed", actorId: coordinatorId }, orderBy: { seq: "desc" } });
    expect(JSON.parse(row.detail)).toEqual({ policyNumber: policy, members: 2 });

    const unknown = await get(`/members/${memberId()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.text).toContain("Member not found");
    expect((await get(`/members/not-a-member`)).status).toBe(404);
  });
});
