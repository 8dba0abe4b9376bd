import { describe, expect, it } from "vitest";
import { hasNul, toStorableText } from "./storable-text";

describe("toStorableText", () => {
  it("replaces NUL and lone surrogates with U+FFFD and keeps everything else", () => {
    expect(toStorableText("a\u0000b")).toBe("a\uFFFDb");
    expect(toStorableText("x\uD83Dy")).toBe("x\uFFFDy");
    expect(toStorableText("x\uDE00y")).toBe("x\uFFFDy");
    expect(toStorableText("\uDE00\uD83D")).toBe("\uFFFD\uFFFD");
    expect(toStorableText("end\uD83D")).toBe("end\uFFFD");
    expect(toStorableText("pill 💊 حبة\t\n")).toBe("pill 💊 حبة\t\n");
  });

  it("tells a literal NUL apart from its JSON escape", () => {
    expect(hasNul("a\u0000")).toBe(true);
    expect(hasNul(String.raw`"\u0000"`)).toBe(false);
  });
});
