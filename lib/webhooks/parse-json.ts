// Strict JSON for webhook bodies: valid UTF-8, one object at the top, at most 32 levels deep.
// The depth is measured on the text before JSON.parse, so a hostile body cannot make the
// parser (or anything that walks the result) recurse without bound.

export const maxJsonDepth = 32;

export type JsonParseResult =
  | { ok: true; value: Record<string, unknown>; text: string }
  | { ok: false; code: "invalid_encoding" | "invalid_json" | "too_deep" | "not_an_object"; message: string };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Deepest nesting of arrays and objects in JSON text (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > deepest) deepest = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

export function parseJsonObject(bytes: Uint8Array): JsonParseResult {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return { ok: false, code: "invalid_encoding", message: "The body is not valid UTF-8." };
  }
  if (jsonDepth(text) > maxJsonDepth) {
    return { ok: false, code: "too_deep", message: `JSON nesting deeper than ${maxJsonDepth} levels is refused.` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, code: "invalid_json", message: `The body is not valid JSON: ${(error as Error).message}` };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { ok: false, code: "not_an_object", message: "The body must be a single JSON object." };
  }
  return { ok: true, value: value as Record<string, unknown>, text };
}
