// What the catalogue test (lib/i18n/messages.test.ts) checks, as functions with their own tests:
// two catalogues with the same keys, and each message with the same placeholders in both.

export type Catalogue = { [key: string]: string | Catalogue };

/** Every message by its dotted key. */
export function flatten(catalogue: Catalogue, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [inner, message] of flatten(value, path)) out.set(inner, message);
  }
  return out;
}

/**
 * The names a message needs from its caller: {arguments} (also those of plural/select, whose
 * branch words are not names) and <tags> of rich text. A small reader of ICU's braces: an
 * argument opens at depth 0 or inside a branch, a branch's words sit one level deeper.
 */
export function placeholdersOf(message: string): Set<string> {
  const names = new Set<string>();
  for (const tag of message.matchAll(/<(\w+)>/g)) names.add(`<${tag[1]}>`);
  const walk = (text: string) => {
    let index = 0;
    while (index < text.length) {
      const open = text.indexOf("{", index);
      if (open === -1) return;
      let depth = 0;
      let end = open;
      for (; end < text.length; end += 1) {
        if (text[end] === "{") depth += 1;
        else if (text[end] === "}" && --depth === 0) break;
      }
      const inside = text.slice(open + 1, end);
      const [name, type] = inside.split(",").map((part) => part.trim());
      if (name) names.add(name);
      if (type === "plural" || type === "select" || type === "selectordinal") {
        // The branches: "one {…} other {…}": each branch's text may hold further arguments.
        const branches = inside.slice(inside.indexOf(",", inside.indexOf(",") + 1) + 1);
        for (const branch of branchTexts(branches)) walk(branch);
      }
      index = end + 1;
    }
  };
  walk(message);
  return names;
}

function branchTexts(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  for (let index = 0; index < text.length; index += 1) {
    if (text[index] === "{") {
      if (depth === 0) start = index + 1;
      depth += 1;
    } else if (text[index] === "}" && --depth === 0) out.push(text.slice(start, index));
  }
  return out;
}

/** Why two catalogues disagree, one line per problem (empty: they agree). */
export function catalogueProblems(first: Catalogue, second: Catalogue): string[] {
  const a = flatten(first);
  const b = flatten(second);
  const problems: string[] = [];
  for (const key of a.keys()) if (!b.has(key)) problems.push(`missing in the second: ${key}`);
  for (const key of b.keys()) if (!a.has(key)) problems.push(`only in the second: ${key}`);
  for (const [key, message] of a) {
    const other = b.get(key);
    if (other === undefined) continue;
    const mine = [...placeholdersOf(message)].sort();
    const theirs = [...placeholdersOf(other)].sort();
    if (mine.join() !== theirs.join()) problems.push(`${key}: placeholders differ (${mine.join(", ") || "—"} | ${theirs.join(", ") || "—"})`);
  }
  return problems;
}
