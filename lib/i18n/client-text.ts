// Words that client components on every page show (error boundaries, the live-refresh status),
// put into the request's language on the server. The browser gets these strings through a plain
// React context (components/client-text.tsx), not a catalogue: next-intl's client runtime and its
// ICU parser then load only on the routes whose client components format messages themselves
// (they are wrapped in components/client-messages.tsx).
import "server-only";
import { createTranslator } from "next-intl";
import { getLocale, getMessages } from "next-intl/server";
import type { Messages } from "./messages";

/** What failed to load, by name in the "routeError.subjects" messages. */
export const routeErrorSubjects = ["consultations", "consultation", "prescription", "deliveries", "delivery", "insights", "members", "member", "worklist"] as const;
export type RouteErrorSubject = (typeof routeErrorSubjects)[number];

/**
 * A message formatted with a placeholder left in it for a value only the browser knows (an
 * error's digest): `{name}` stays literally in the text, for fillSlot (components/client-text.tsx).
 */
const slot = (name: string) => `{${name}}`;

export type ClientText = {
  routeError: {
    /** The heading for each subject, formatted. */
    titles: Record<RouteErrorSubject, string>;
    /** The heading for words a page passes itself (not yet translated): a {what} slot. */
    title: string;
    text: string;
    /** A {digest} slot. */
    reference: string;
    retry: string;
    home: string;
  };
  printError: { title: string; text: string; reference: string; retry: string };
  liveRefresh: { paused: string; live: string; connecting: string };
};

// Formatted once per catalogue and locale (every page's root layout asks, and each formatted
// message with a value cost next-intl a message format of its own).
const formatted = new WeakMap<object, Map<string, ClientText>>();

/** The request's language (next-intl's request configuration, lib/i18n/request.ts). */
export async function getClientText(): Promise<ClientText> {
  const [messages, locale] = await Promise.all([getMessages(), getLocale()]);
  let byLocale = formatted.get(messages);
  if (!byLocale) formatted.set(messages, (byLocale = new Map()));
  let text = byLocale.get(locale);
  if (!text) byLocale.set(locale, (text = formatClientText(messages as Messages, locale)));
  return text;
}

export function formatClientText(messages: Messages, locale: string): ClientText {
  const routeError = createTranslator({ locale, messages, namespace: "routeError" });
  const printError = createTranslator({ locale, messages, namespace: "routeError.print" });
  const liveRefresh = createTranslator({ locale, messages, namespace: "liveRefresh" });
  return {
    routeError: {
      titles: Object.fromEntries(routeErrorSubjects.map((subject) => [subject, routeError("title", { what: routeError(`subjects.${subject}`) })])) as Record<RouteErrorSubject, string>,
      title: routeError("title", { what: slot("what") }),
      text: routeError("text"),
      reference: routeError("reference", { digest: slot("digest") }),
      retry: routeError("retry"),
      home: routeError("home"),
    },
    printError: { title: printError("title"), text: printError("text"), reference: printError("reference", { digest: slot("digest") }), retry: printError("retry") },
    liveRefresh: { paused: liveRefresh("paused"), live: liveRefresh("live"), connecting: liveRefresh("connecting") },
  };
}
