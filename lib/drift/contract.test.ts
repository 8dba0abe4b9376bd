import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDocumented, shapesOf } from "./contract";

const sample = (name: string) => JSON.parse(readFileSync(path.join(import.meta.dirname, `../../fixtures/${name}.sample.json`), "utf8")) as Record<string, unknown>;

describe("the documented contract (derived from lib/schemas/webhook.ts)", () => {
  it("knows every key, status and type of Altibbi's two samples", () => {
    for (const name of ["status_update", "recommendation_data"]) {
      expect(shapesOf(sample(name)).filter((shape) => !isDocumented(shape.kind, shape.value))).toEqual([]);
    }
  });

  it("names array items with [] and finds what it does not know", () => {
    const shapes = shapesOf({ type: "refund", new_status: "on_hold", data: { drug: { fdaDrug: [{ name: "x", atc: "N02" }, { name: "y" }] } } });
    expect(shapes).toEqual(
      expect.arrayContaining([
        { kind: "key", value: "data.drug.fdaDrug[].name" },
        { kind: "key", value: "data.drug.fdaDrug[].atc" },
        { kind: "type", value: "refund" },
        { kind: "status", value: "on_hold" },
      ]),
    );
    expect(shapes.filter((shape) => shape.value === "data.drug.fdaDrug[].name")).toHaveLength(1);
    expect(shapes.filter((shape) => !isDocumented(shape.kind, shape.value)).map((shape) => shape.value).sort()).toEqual(["data.drug.fdaDrug[].atc", "on_hold", "refund"]);
  });

  it("takes at most 500 shapes from one body, each at most 300 characters", () => {
    const body = Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}${"x".repeat(400)}`, i]));
    const shapes = shapesOf(body);
    expect(shapes.length).toBe(500);
    expect(Math.max(...shapes.map((shape) => shape.value.length))).toBe(300);
  });
});

describe("shapes with NUL or lone surrogates", () => {
  it("are kept with U+FFFD in their place (PostgreSQL text holds no NUL)", () => {
    expect(shapesOf({ "a\u0000b": 1, type: "x\ud800" })).toEqual([
      { kind: "key", value: "a\ufffdb" },
      { kind: "key", value: "type" },
      { kind: "type", value: "x\ufffd" },
    ]);
  });
});
