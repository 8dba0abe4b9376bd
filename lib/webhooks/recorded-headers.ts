// The request headers kept with a delivery: a fixed allowlist, each value cut to 256 bytes, and
// credentials reduced to what cannot be replayed or guessed from: the scheme word of
// `authorization` when it is one Care Desk knows (else "[redacted]"), and for
// `webhook-signature` only how many signatures it carried.

export const maxHeaderBytes = 256;

const keptHeaders = [
  "content-type",
  "content-length",
  "user-agent",
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
  "x-request-id",
  "authorization",
] as const;

/** The text cut to at most `limit` UTF-8 bytes, never inside a character. */
export function cutToBytes(text: string, limit = maxHeaderBytes): string {
  if (Buffer.byteLength(text) <= limit) return text;
  let cut = Buffer.from(text).subarray(0, limit).toString("utf8");
  // A character cut in half decodes as a (3-byte) U+FFFD at the end: drop it.
  while (Buffer.byteLength(cut) > limit) cut = cut.slice(0, -1);
  return cut;
}

/** `Bearer` or `Basic` (as Care Desk spells them) when the value starts with one, else "[redacted]". */
export function redactAuthorization(value: string): string {
  const scheme = /^(bearer|basic)(\s|$)/i.exec(value)?.[1]?.toLowerCase();
  return scheme === "bearer" ? "Bearer" : scheme === "basic" ? "Basic" : "[redacted]";
}

/** "1 signature", "3 signatures": how many space-separated entries the header had. */
export function countSignatures(value: string): string {
  const count = value.split(" ").filter((entry) => entry !== "").length;
  return `${count} signature${count === 1 ? "" : "s"}`;
}

/** The allowlisted headers as a JSON object, with the client's IP as Care Desk resolved it. */
export function recordHeaders(headers: Headers, clientIp: string): string {
  const kept: Record<string, string> = {};
  for (const name of keptHeaders) {
    const value = headers.get(name);
    if (value === null) continue;
    if (name === "authorization") kept[name] = redactAuthorization(value);
    else if (name === "webhook-signature") kept[name] = countSignatures(value);
    else kept[name] = cutToBytes(value);
  }
  kept["client-ip"] = cutToBytes(clientIp);
  return JSON.stringify(kept);
}
