// lib/data/consultation-list on a real database: every filter, both sorts in both directions,
// keyset paging forwards and backwards, and each kind of search.
import { describe, expect, it } from "vitest";
import { listConsultations } from "@/lib/data/consultation-list";
import { candidateLimit, planSearch } from "@/lib/data/consultation-search";
import { readDb, writeTransaction } from "@/lib/db";
import { readFixture, recommendation, statusUpdate, uniqueId } from "../support/payloads";
import { timeWindow } from "../support/time-window";
import { listQuery } from "../support/list-query";
import { routeHandler } from "../support/route-handler";
import { deliver } from "../support/webhooks";
import { asCoordinator } from "../support/callers";

const ids = (page: { items: { id: number }[] }) => page.items.map((item) => item.id);

async function allPages(query: string) {
  const seen: number[] = [];
  let page = await listConsultations(asCoordinator, listQuery(query));
  seen.push(...ids(page));
  const pages = [page];
  while (page.page.next) {
    page = await listConsultations(asCoordinator, listQuery(`${query}&after=${page.page.next}`));
    seen.push(...ids(page));
    pages.push(page);
  }
  return { seen, pages };
}

describe("listConsultations", () => {
  it("lists by last event, newest first, and pages forwards and backwards with keyset cursors", async () => {
    const w = timeWindow();
    const created = Array.from({ length: 7 }, () => uniqueId());
    // Deliver in a scrambled order: the list follows event time, not arrival.
    for (const [index, id] of created.entries()) {
      await deliver(routeHandler, statusUpdate(id, null, "new", w.at([3, 0, 6, 1, 5, 2, 4][index]!)));
    }
    const expected = [...created].sort((a, b) => [3, 0, 6, 1, 5, 2, 4][created.indexOf(b)]! - [3, 0, 6, 1, 5, 2, 4][created.indexOf(a)]!);

    const { seen, pages } = await allPages(`${w.query}&limit=3`);
    expect(seen).toEqual(expected);
    expect(pages.map((page) => page.items.length)).toEqual([3, 3, 1]);
    expect(pages[0]!.page.prev).toBeNull();
    expect(pages[2]!.page.next).toBeNull();

    // Back from the last page: the same pages, in the same order.
    const back = await listConsultations(asCoordinator, listQuery(`${w.query}&limit=3&before=${pages[2]!.page.prev}`));
    expect(ids(back)).toEqual(ids(pages[1]!));
    const first = await listConsultations(asCoordinator, listQuery(`${w.query}&limit=3&before=${back.page.prev}`));
    expect(ids(first)).toEqual(ids(pages[0]!));
    expect(first.page.prev).toBeNull();
    expect(first.page.next).not.toBeNull();

    const oldestFirst = await allPages(`${w.query}&limit=3&dir=asc`);
    expect(oldestFirst.seen).toEqual([...expected].reverse());
  });

  it("keeps a page stable while newer consultations arrive", async () => {
    const w = timeWindow();
    const older = Array.from({ length: 4 }, () => uniqueId());
    for (const [index, id] of older.entries()) await deliver(routeHandler, statusUpdate(id, null, "new", w.at(10 + index)));
    const first = await listConsultations(asCoordinator, listQuery(`${w.query}&limit=2`));
    await deliver(routeHandler, statusUpdate(uniqueId(), null, "new", w.at(100)));
    const second = await listConsultations(asCoordinator, listQuery(`${w.query}&limit=2&after=${first.page.next}`));
    expect(ids(second)).toEqual([older[1], older[0]]);
  });

  it("filters by several statuses, and by other (undocumented or no status yet)", async () => {
    const w = timeWindow();
    const [newOne, checking, progress, closed, undocumented, none] = Array.from({ length: 6 }, () => uniqueId());
    await deliver(routeHandler, statusUpdate(newOne!, null, "new", w.at(1)));
    await deliver(routeHandler, statusUpdate(checking!, "new", "checking_medical_profile", w.at(2)));
    await deliver(routeHandler, statusUpdate(progress!, "checking_medical_profile", "in_progress", w.at(3)));
    await deliver(routeHandler, statusUpdate(closed!, "in_progress", "closed", w.at(4)));
    await deliver(routeHandler, statusUpdate(undocumented!, "new", "escalated_to_gp", w.at(5)));
    await deliver(routeHandler, recommendation(none!, w.at(6)));

    const list = async (statuses: string) => ids(await listConsultations(asCoordinator, listQuery(`${w.query}&${statuses}`)));
    expect(await list("status=new")).toEqual([newOne]);
    expect(await list("status=new&status=closed")).toEqual([closed, newOne]);
    expect(await list("status=in_progress,checking_medical_profile")).toEqual([progress, checking]);
    expect(await list("status=other")).toEqual([none, undocumented]);
    expect(await list("status=closed&status=other")).toEqual([none, undocumented, closed]);
    expect(await list("status=new&status=checking_medical_profile&status=in_progress&status=closed&status=other")).toHaveLength(6);

    const [row] = (await listConsultations(asCoordinator, listQuery(`${w.query}&status=other&limit=1`))).items;
    expect(row).toMatchObject({ id: none, status: null, statusDocumented: false });
    const [odd] = (await listConsultations(asCoordinator, listQuery(`${w.query}&status=other&dir=asc&limit=1`))).items;
    expect(odd).toMatchObject({ id: undocumented, status: "escalated_to_gp", statusDocumented: false });
  });

  it("filters by last event date range, in the viewer's time zone", async () => {
    const w = timeWindow();
    const [early, late] = [uniqueId(), uniqueId()];
    // 00:30 and 23:30 UTC on the window's day.
    await deliver(routeHandler, statusUpdate(early, null, "new", w.at(30)));
    await deliver(routeHandler, statusUpdate(late, null, "new", w.at(23 * 60 + 30)));
    const list = async (query: string) => ids(await listConsultations(asCoordinator, listQuery(query)));
    expect(await list(`from=${w.date}&to=${w.date}&tz=UTC`)).toEqual([late, early]);
    // In Amman (UTC+2 in winter, +3 in summer) 23:30 UTC is already the next day.
    expect(await list(`from=${w.date}&to=${w.date}&tz=Asia/Amman`)).toEqual([early]);
    // In Los Angeles 00:30 UTC is still the previous day.
    expect(await list(`from=${w.date}&to=${w.date}&tz=America/Los_Angeles`)).toEqual([late]);
    // Date-times are exact bounds (from inclusive, to exclusive).
    expect(await list(`from=${w.at(30)}&to=${w.at(23 * 60 + 30)}`)).toEqual([early]);
  });

  it("filters by having a recommendation or not", async () => {
    const w = timeWindow();
    const [withRec, without] = [uniqueId(), uniqueId()];
    await deliver(routeHandler, recommendation(withRec, w.at(1)));
    await deliver(routeHandler, statusUpdate(without, null, "new", w.at(2)));
    expect(ids(await listConsultations(asCoordinator, listQuery(`${w.query}&rec=with`)))).toEqual([withRec]);
    expect(ids(await listConsultations(asCoordinator, listQuery(`${w.query}&rec=without`)))).toEqual([without]);
    const [row] = (await listConsultations(asCoordinator, listQuery(`${w.query}&rec=with`))).items;
    expect(row).toMatchObject({ diagnosis: { code: "B66.3", name: "Fascioliasis" }, drugCount: 2 });
  });

  it("sorts by status time in both directions, consultations without a status last, across pages", async () => {
    const w = timeWindow();
    const a = uniqueId();
    const b = uniqueId();
    const c = uniqueId();
    // Without a status time, rows fall back to id order: noStatus1 < noStatus2.
    const [noStatus1, noStatus2] = [uniqueId(), uniqueId()].sort((x, y) => x - y) as [number, number];
    // Status times a < b < c, but last events in another order (a recommendation comes later for a).
    await deliver(routeHandler, statusUpdate(a, null, "new", w.at(1)));
    await deliver(routeHandler, statusUpdate(b, null, "new", w.at(2)));
    await deliver(routeHandler, statusUpdate(c, null, "new", w.at(3)));
    await deliver(routeHandler, recommendation(a, w.at(50)));
    await deliver(routeHandler, recommendation(noStatus1, w.at(10)));
    await deliver(routeHandler, recommendation(noStatus2, w.at(11)));

    const byLastEvent = await allPages(`${w.query}&limit=2`);
    expect(byLastEvent.seen).toEqual([a, noStatus2, noStatus1, c, b]);

    const desc = await allPages(`${w.query}&sort=status_time&limit=2`);
    expect(desc.seen).toEqual([c, b, a, noStatus2, noStatus1]);
    const asc = await allPages(`${w.query}&sort=status_time&dir=asc&limit=2`);
    expect(asc.seen).toEqual([a, b, c, noStatus1, noStatus2]);

    // Backwards from the page that starts in the no-status segment.
    const last = desc.pages[2]!;
    const back = await listConsultations(asCoordinator, listQuery(`${w.query}&sort=status_time&limit=2&before=${last.page.prev}`));
    expect(ids(back)).toEqual([a, noStatus2]);
    const backAgain = await listConsultations(asCoordinator, listQuery(`${w.query}&sort=status_time&limit=2&before=${back.page.prev}`));
    expect(ids(backAgain)).toEqual([c, b]);
    expect(backAgain.page.prev).toBeNull();
  });

  describe("search", () => {
    it("finds a consultation by id, user id, insurance id and policy number (exact)", async () => {
      const w = timeWindow();
      const id = uniqueId();
      const marker = String(uniqueId());
      await deliver(routeHandler, statusUpdate(id, null, "new", w.at(1), { user_id: Number(marker), insurance_id: `INS-${marker}`, policy_number: `POL-${marker}` }));
      const search = async (q: string) => ids(await listConsultations(asCoordinator, listQuery(`q=${encodeURIComponent(q)}`)));
      expect(await search(String(id))).toContain(id);
      expect(await search(marker)).toEqual([id]);
      expect(await search(`INS-${marker}`)).toEqual([id]);
      expect(await search(`POL-${marker}`)).toEqual([id]);
      expect(await search(`POL-${marker.slice(0, -1)}`)).toEqual([]);
      // Combined with filters.
      expect(ids(await listConsultations(asCoordinator, listQuery(`q=POL-${marker}&status=closed`)))).toEqual([]);
      expect(ids(await listConsultations(asCoordinator, listQuery(`q=POL-${marker}&status=new&${w.query}`)))).toEqual([id]);
    });

    it("finds ICD-10 codes and names, drug names and trade names from their start, in any usual case", async () => {
      const w = timeWindow();
      const id = uniqueId();
      const n = uniqueId();
      const data = {
        ...(readFixture("recommendation_data").data as Record<string, unknown>),
        icd10: { symptom: [{ code: `Y${n}.1`, name: `Zanthoma ${n}` }], diagnosis: [{ code: `X${n}.3`, name: `Quartan fever ${n}` }] },
        drug: { fdaDrug: [{ name: `XYLODRUG${n}`, tradeName: `QUIXOTA ${n} TAB 4 MG` }] },
      };
      await deliver(routeHandler, recommendation(id, w.at(1), data));
      const search = async (q: string) => ids(await listConsultations(asCoordinator, listQuery(`q=${encodeURIComponent(q)}`)));
      expect(await search(`X${n}.3`)).toEqual([id]);
      expect(await search(`x${n}`)).toEqual([id]);
      expect(await search(`y${n}.1`)).toEqual([id]);
      expect(await search(`quartan fever ${n}`)).toEqual([id]);
      expect(await search(`Zanthoma ${n}`)).toEqual([id]);
      expect(await search(`xylodrug${n}`)).toEqual([id]);
      expect(await search(`Quixota ${n}`)).toEqual([id]);
      expect(await search(`fever ${n}`)).toEqual([]);
    });

    it("matches the current recommendation only", async () => {
      const w = timeWindow();
      const id = uniqueId();
      const n = uniqueId();
      const version = (drug: string) => ({ drug: { fdaDrug: [{ name: drug }] } });
      await deliver(routeHandler, recommendation(id, w.at(1), version(`OLDDRUG${n}`)));
      await deliver(routeHandler, recommendation(id, w.at(2), version(`NEWDRUG${n}`)));
      const search = async (q: string) => ids(await listConsultations(asCoordinator, listQuery(`q=${q}`)));
      expect(await search(`NEWDRUG${n}`)).toEqual([id]);
      expect(await search(`OLDDRUG${n}`)).toEqual([]);
    });

    it("takes hostile and odd terms literally", async () => {
      for (const q of ["%", "_", "'; DROP TABLE \"Consultation\"; --", "\\", "<script>", "\u{10FFFF}", "ي", "a".repeat(100)]) {
        const page = await listConsultations(asCoordinator, listQuery(`q=${encodeURIComponent(q)}&limit=5`));
        expect(page.items.length).toBeLessThanOrEqual(5);
      }
    });

    it("finds every consultation of a policy shared by more members than a walk is for, newest first", async () => {
      // A group policy: more consultations than the walk along the sorted list is chosen for, all
      // of them old (none near the top of the list). They are collected from the index instead.
      const policy = `GROUP-${uniqueId()}`;
      const count = candidateLimit.alone + 100;
      const rows = Array.from({ length: count }, (_, i) => {
        const micros = BigInt(Date.UTC(2001, 0, 1)) * 1000n + BigInt(i) * 60_000_000n;
        return { id: BigInt(uniqueId()), policyNumber: policy, lastEventTime: new Date(Number(micros / 1000n)).toISOString(), lastEventMicros: micros };
      });
      await writeTransaction((tx) => tx.consultation.createMany({ data: rows }));
      expect((await planSearch(await readDb(), policy, false)).candidates).not.toBeNull();

      const { seen, pages } = await allPages(`q=${policy}`);
      expect(pages[0]!.items).toHaveLength(25);
      expect(seen).toEqual(rows.map((row) => Number(row.id)).reverse());
    });

    it("finds Arabic names", async () => {
      const w = timeWindow();
      const id = uniqueId();
      const n = uniqueId();
      await deliver(routeHandler, recommendation(id, w.at(1), { icd10: { diagnosis: [{ code: `A${n}`, name: `التهاب المعدة ${n}` }] } }));
      expect(ids(await listConsultations(asCoordinator, listQuery(`q=${encodeURIComponent("التهاب المعدة " + n)}`)))).toEqual([id]);
    });
  });
});
