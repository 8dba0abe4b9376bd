// The dispense link from a recommendation is untrusted text. It becomes a link and a QR code
// only when `new URL` reads it as an absolute http(s) address with no user-info (`user@host`,
// which disguises the host), no bidirectional control and no zero-width character anywhere in
// the text (which disguise what is read), and, when DISPENSE_ALLOWED_HOSTS is set, a host from
// that list. Anything else stays inert, with a warning saying why.

export type DispenseUrlCheck =
  | { ok: true; url: string; host: string }
  | { ok: false; reason: "not_http" | "user_info" | "bidi_control" | "zero_width" | "host_not_allowed"; host: string | null };

/** Bidirectional controls: embeddings, overrides, isolates and the marks. */
const bidiControls = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
/** Invisible characters of no width. */
const zeroWidth = /[\u00AD\u180E\u200B-\u200D\u2060-\u2064\uFEFF]/;

/** `pharmacy.example` matches itself; `*.example` matches any name under example. */
export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  if (allowed.length === 0) return true;
  return allowed.some((entry) => {
    const rule = entry.toLowerCase();
    return rule.startsWith("*.") ? host.endsWith(rule.slice(1)) && host.length > rule.length - 1 : host === rule;
  });
}

export function checkDispenseUrl(url: string | null | undefined, allowedHosts: readonly string[] = []): DispenseUrlCheck | null {
  if (!url) return null;
  const trimmed = url.trim();
  if (bidiControls.test(trimmed)) return { ok: false, reason: "bidi_control", host: null };
  if (zeroWidth.test(trimmed)) return { ok: false, reason: "zero_width", host: null };
  if (/[\u0000-\u001f\u007f\s]/.test(trimmed)) return { ok: false, reason: "not_http", host: null };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return { ok: false, reason: "not_http", host: null };
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return { ok: false, reason: "not_http", host: null };
  // URL's hostname is the ASCII (punycode) form of a host written in other scripts.
  const host = parsed.hostname;
  if (parsed.username !== "" || parsed.password !== "" || /^[a-z]+:\/\/[^/?#]*@/i.test(trimmed)) return { ok: false, reason: "user_info", host };
  if (!isAllowedHost(host, allowedHosts)) return { ok: false, reason: "host_not_allowed", host };
  return { ok: true, url: parsed.href, host };
}

/** The normalised URL when it may be a link, otherwise null. */
export function safeDispenseUrl(url: string | null | undefined, allowedHosts: readonly string[] = []): string | null {
  const checked = checkDispenseUrl(url, allowedHosts);
  return checked?.ok ? checked.url : null;
}

/** The text with each invisible or direction-changing character written out (⟨U+202E⟩), for showing an inert link as it is. */
export const revealInvisible = (text: string): string =>
  text.replace(new RegExp(`${bidiControls.source}|${zeroWidth.source}`, "g"), (c) => `⟨U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}⟩`);
