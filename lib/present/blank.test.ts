import { describe, expect, it } from "vitest";
import { presentText, textOrNone } from "./blank";

describe("the blank rule", () => {
  it("trims, and turns missing or blank text into null", () => {
    expect(presentText(" a ")).toBe("a");
    for (const value of [null, undefined, "", "  \n "]) expect(presentText(value)).toBeNull();
  });

  it('says "none" where a value must be shown', () => {
    expect(textOrNone(" 0042 ")).toBe("0042");
    for (const value of [null, undefined, "", " "]) expect(textOrNone(value)).toBe("none");
  });
});
