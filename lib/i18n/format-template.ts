// Messages a page formats once per row ("{local} {zone} · sent as {sent}", "{count} h") without
// next-intl's per-call machinery: every t(key, values) builds the ICU formats, keys its cache with
// JSON.stringify and, once per message and request, parses the message and constructs an
// IntlMessageFormat (its locale resolution included). A list of 25 rows made ~100 such calls.
//
// A message whose only syntax is `{name}` arguments is filled in here, which is what ICU does with
// string values; anything else (plural, select, quotes, tags, number values) goes to `t`. Messages
// of a small count (a duration's units) are formatted by `t` once per locale, message and count.

import { createElement, Fragment, type ReactNode } from "react";

type RawMessages<K extends string> = { raw(key: K): unknown };
export type Translate<K extends string> = RawMessages<K> & ((key: K, values?: Record<string, string | number>) => string);

const argument = /\{([A-Za-z_][A-Za-z0-9_]*)\}/;
const simpleMessage = /^[^'{}<]*(?:\{[A-Za-z_][A-Za-z0-9_]*\}[^'{}<]*)*$/;

/**
 * A message's text split around what `token` captures (text, token, text, …), or null when it is
 * not `simple`; remembered per message.
 */
function templates(simple: RegExp, token: RegExp): (message: unknown) => string[] | null {
  const known = new Map<string, string[] | null>();
  const splitter = new RegExp(token.source, "g");
  return (message) => {
    if (typeof message !== "string") return null; // precompiled messages, or a missing one
    let parts = known.get(message);
    if (parts === undefined) {
      parts = simple.test(message) ? message.split(splitter) : null;
      if (known.size >= 2_000) known.clear();
      known.set(message, parts);
    }
    return parts;
  };
}

/** A message's text split around its arguments (text, name, text, …), or null: not simple. */
const templateOf = templates(simpleMessage, argument);

function rawOf<K extends string>(t: RawMessages<K>, key: K): unknown {
  try {
    return t.raw(key);
  } catch {
    return null;
  }
}

/** t(key, values) for string values, filled in directly when the message allows it. */
export function formatText<K extends string>(t: Translate<K>, key: K, values: Record<string, string>): string {
  const parts = templateOf(rawOf(t, key));
  if (!parts) return t(key, values);
  let text = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const value = values[parts[i]!];
    if (value === undefined) return t(key, values); // let next-intl report the missing argument
    text += value + parts[i + 1]!;
  }
  return text;
}

const counted = new Map<string, string>();

/**
 * t(key, { count }) for a plural message, remembered per locale, message and count (a duration's
 * units: a few hundred distinct values). `locale` must be the translator's (useLocale, getLocale).
 */
export function formatCount<K extends string>(t: Translate<K>, locale: string, key: K, count: number): string {
  const raw = rawOf(t, key);
  if (typeof raw !== "string") return t(key, { count });
  const cacheKey = `${locale}\u0000${raw}\u0000${count}`;
  let text = counted.get(cacheKey);
  if (text === undefined) {
    text = t(key, { count });
    if (counted.size >= 5_000) counted.clear();
    counted.set(cacheKey, text);
  }
  return text;
}

const integerFormats = new Map<string, Intl.NumberFormat>();

/** Intl.NumberFormat for `locale`, made once (constructing one is the costly part). */
export function integerFormat(locale: string): Intl.NumberFormat {
  let format = integerFormats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale);
    integerFormats.set(locale, format);
  }
  return format;
}

type RichValue = string | ((chunks: ReactNode) => ReactNode);
type RichTranslate<K extends string> = RawMessages<K> & { rich(key: K, values: Record<string, RichValue>): ReactNode };

// A rich message whose only syntax is `{name}` arguments and empty tags (`<time></time>`, which
// the page fills with an element: "Received <time></time> ({duration} after the event)").
const richToken = /(\{[A-Za-z_][A-Za-z0-9_]*\}|<[A-Za-z_][A-Za-z0-9_]*><\/[A-Za-z_][A-Za-z0-9_]*>)/;
const simpleRichMessage = /^[^'{}<]*(?:(?:\{[A-Za-z_][A-Za-z0-9_]*\}|<([A-Za-z_][A-Za-z0-9_]*)><\/\1>)[^'{}<]*)*$/;
const richTemplateOf = templates(simpleRichMessage, richToken);

/**
 * t.rich(key, values) for string values and tag functions, filled in directly when the message
 * allows it (the same nodes: each tag's element keyed, as next-intl keys them).
 */
export function formatRich<K extends string>(t: RichTranslate<K>, key: K, values: Record<string, RichValue>): ReactNode {
  const parts = richTemplateOf(rawOf(t, key));
  if (!parts) return t.rich(key, values);
  const nodes: ReactNode[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (i % 2 === 0) {
      if (part !== "") nodes.push(part);
      continue;
    }
    const isTag = part.startsWith("<");
    const value = values[isTag ? part.slice(1, part.indexOf(">")) : part.slice(1, -1)];
    if (isTag && typeof value === "function") nodes.push(createElement(Fragment, { key: i }, value([])));
    else if (!isTag && typeof value === "string") nodes.push(value);
    else return t.rich(key, values); // let next-intl report it
  }
  return nodes.length === 1 ? nodes[0] : nodes;
}
