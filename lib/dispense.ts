// The dispense link from a recommendation is untrusted text: only an absolute http(s) URL may
// become a link or a QR code; anything else (javascript:, data:, relative text) stays inert.

/** The URL when its scheme is http or https, otherwise null. */
export function safeDispenseUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return null;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return null;
  }
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? trimmed : null;
}
