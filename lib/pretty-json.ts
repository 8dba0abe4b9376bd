/** JSON text indented for reading; anything that is not JSON comes back as it was. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** How much of a body /deliveries/[id] shows; the whole body is a download. */
export const previewBytes = 64 * 1024;

/** The pretty-printed text's first 64 KB (never a character cut in half), and whether that is all of it. */
export function previewJson(text: string, limit = previewBytes): { text: string; truncated: boolean } {
  const pretty = prettyJson(text);
  const bytes = Buffer.from(pretty);
  if (bytes.byteLength <= limit) return { text: pretty, truncated: false };
  let cut = bytes.subarray(0, limit).toString("utf8");
  if (cut.endsWith("\uFFFD") && !pretty.startsWith(cut)) cut = cut.slice(0, -1);
  return { text: cut, truncated: true };
}
