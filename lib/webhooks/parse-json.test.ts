import { describe, expect, it } from "vitest";
import { jsonDepth, parseJsonObject } from "./parse-json";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("jsonDepth", () => {
  it.each([
    ["{}", 1],
    ['{"a":[1,{"b":2}]}', 3],
    ['{"a":"[[[[{{{{"}', 1],
    ['{"a":"\\"[[["}', 1],
    ["[".repeat(40) + "]".repeat(40), 40],
  ])("%s is %i deep", (text, depth) => {
    expect(jsonDepth(text)).toBe(depth);
  });
});

describe("parseJsonObject", () => {
  it("accepts 32 levels and refuses 33", () => {
    const nest = (n: number) => `{"x":${"[".repeat(n - 1)}${"]".repeat(n - 1)}}`;
    expect(parseJsonObject(bytes(nest(32))).ok).toBe(true);
    expect(parseJsonObject(bytes(nest(33)))).toMatchObject({ ok: false, code: "too_deep" });
  });

  it("refuses a byte-order mark, invalid UTF-8 and non-objects", () => {
    expect(parseJsonObject(bytes("\uFEFF{}"))).toMatchObject({ ok: false, code: "invalid_json" });
    expect(parseJsonObject(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))).toMatchObject({ ok: false, code: "invalid_encoding" });
    expect(parseJsonObject(bytes("[]"))).toMatchObject({ ok: false, code: "not_an_object" });
    expect(parseJsonObject(bytes("42"))).toMatchObject({ ok: false, code: "not_an_object" });
  });

  it("keeps Arabic text intact", () => {
    const result = parseJsonObject(bytes('{"note":"ملاحظة الطبيب"}'));
    expect(result).toMatchObject({ ok: true, value: { note: "ملاحظة الطبيب" } });
  });
});
