// Where the sign-in page may send the browser afterwards: a path on this host, never another
// site. `//evil`, `/\evil`, `https://evil` and their encoded or whitespace-smuggled forms all
// fall back to the default.
const base = "http://care-desk.invalid";
const signInPath = "/sign-in";

export function safeNextPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return fallback;
  // One leading slash, then no second slash or backslash (browsers read `/\` as `//`); no
  // backslash or control character anywhere (the URL parser drops tabs and newlines).
  if (!value.startsWith("/") || value[1] === "/" || /[\\\u0000-\u001f\u007f]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // A path that decodes to `//…` would still be this host, but keeps no one guessing.
  if (/^\/(%2f|%5c)/i.test(url.pathname) || url.pathname === signInPath || url.pathname.startsWith(`${signInPath}/`)) return fallback;
  return path;
}
