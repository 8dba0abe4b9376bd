// The NUL rule. PostgreSQL's text (and jsonb) cannot hold U+0000, and a lone UTF-16 surrogate
// (`"\ud83d"` in JSON) is not a character at all: neither can be stored as text on both
// databases alike. So every string Care Desk projects out of a payload into its own columns has
// each NUL and each lone surrogate replaced by U+FFFD (the replacement character), and the
// delivery is accepted. The raw body needs no such care: an accepted body is valid UTF-8 JSON,
// which holds NUL and lone surrogates only as escapes (`\u0000`, ASCII text), so it is kept byte
// for byte; a refused body that carries a literal NUL byte is not kept (hasNul).

const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every NUL and lone surrogate replaced by U+FFFD. */
export function toStorableText(value: string): string {
  return value.replace(unstorable, "\uFFFD");
}

/** Whether the text holds a literal NUL, which PostgreSQL's text cannot store. */
export const hasNul = (value: string) => value.includes("\u0000");
