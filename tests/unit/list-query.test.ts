// The consultation list's URL query, keyset cursors and search ranges, without a database.
import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/keyset-cursor";
import { listQueryParams, parseListQuery } from "@/lib/schemas/consultation-query";
import { parseConsultationId } from "@/lib/schemas/ids";
import { prefixUpperBound, spellings } from "@/lib/data/consultation-search";

const parse = (text: string) => {
  const parsed = parseListQuery(new URLSearchParams(text));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.query;
};

describe("parseListQuery", () => {
  it("has defaults: last event, newest first, 25 rows, no filter", () => {
    expect(parse("")).toMatchObject({ statuses: [], sort: "last_event", dir: "desc", limit: 25, timeZone: "UTC" });
  });

  it("reads repeated and comma-separated statuses, once each", () => {
    expect(parse("status=new&status=closed,other&status=new").statuses).toEqual(["new", "closed", "other"]);
  });

  it("reads a date range as whole days in the given zone", () => {
    const query = parse("from=2023-06-15&to=2023-06-15&tz=Asia/Amman");
    expect(new Date(Number(query.fromMicros! / 1000n)).toISOString()).toBe("2023-06-14T21:00:00.000Z");
    expect(new Date(Number(query.toMicros! / 1000n)).toISOString()).toBe("2023-06-15T21:00:00.000Z");
  });

  it("reads date-times as exact bounds, keeping microseconds", () => {
    const query = parse("from=2023-06-15T09:38:50.848860Z&to=2023-06-15T12:00:00%2B03:00");
    expect(query.fromMicros).toBe(1686821930848860n);
    expect(query.toMicros).toBe(1686819600000000n);
  });

  it("ignores empty fields from an untouched form, and an unknown time zone", () => {
    expect(parse("q=&from=&to=&rec=&sort=&dir=&tz=Mars/Base")).toMatchObject({ search: undefined, fromMicros: undefined, recommendation: undefined, timeZone: "UTC" });
  });

  it("trims the search term", () => {
    expect(parse("q=%20%20B66.3%20").search).toBe("B66.3");
  });

  it("round-trips through listQueryParams, dropping defaults and the cursor unless given", () => {
    const text = "status=new&status=other&from=2023-06-15&to=2023-06-16&tz=Asia%2FAmman&rec=with&q=PIMO&sort=status_time&dir=asc&limit=10";
    const query = parse(`${text}&after=1686821930848860_72`);
    expect(listQueryParams(query).toString()).toBe(text);
    expect(listQueryParams(query, { after: query.after }).toString()).toBe(`${text}&after=1686821930848860_72`);
    expect(listQueryParams(parse("")).toString()).toBe("");
  });
});

describe("keyset cursors", () => {
  it.each([
    { key: 1686821930848860n, id: 72n },
    { key: null, id: 9007199254740991n },
    { key: -2208988800000000n, id: 1n },
  ])("round-trip %o", (cursor) => {
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it.each(["", "72", "abc_1", "1_0", "1_9007199254740992", "1_1_1", "n_-1", "1e3_1"])("refuse %s", (text) => {
    expect(decodeCursor(text)).toBeNull();
  });
});

describe("parseConsultationId", () => {
  it("accepts 1 … 2^53−1 in digits only", () => {
    expect(parseConsultationId("72")).toBe(72);
    expect(parseConsultationId("9007199254740991")).toBe(9007199254740991);
    for (const text of ["0", "-1", "1.0", "1e3", "", " 7", "9007199254740992"]) expect(parseConsultationId(text)).toBeNull();
  });
});

describe("search ranges", () => {
  it("bounds every text that starts with the prefix, and nothing else", () => {
    expect(prefixUpperBound("DRUG17")).toBe("DRUG18");
    expect(prefixUpperBound("b66.")).toBe("b66/");
    expect(prefixUpperBound("az")).toBe("a{");
    expect(prefixUpperBound("\u{10FFFF}")).toBeNull();
    expect(prefixUpperBound("a\u{10FFFF}")).toBe("b");
    expect(prefixUpperBound("\uD7FF")).toBe("\uE000");
  });

  it("looks names up as typed, UPPER, lower and Capitalised", () => {
    expect(spellings("fasc")).toEqual(["fasc", "FASC", "Fasc"]);
    expect(spellings("PIMOZIDE")).toEqual(["PIMOZIDE", "pimozide", "Pimozide"]);
    expect(spellings("التهاب")).toEqual(["التهاب"]);
  });
});
