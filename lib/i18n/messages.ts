// The message catalogues (messages/*.json), and the parts of one that client components get.
import type { UiLocale } from "./locales";
import type en from "../../messages/en.json";

export type Messages = typeof en;
export type Namespace = keyof Messages;

export async function loadMessages(locale: UiLocale): Promise<Messages> {
  return locale === "ar" ? (await import("../../messages/ar.json")).default : (await import("../../messages/en.json")).default;
}

/** A namespace, or one part of it ("tasks.states"). */
export type MessagePart =
  | Namespace
  | { [N in Namespace]: Messages[N] extends Record<string, unknown> ? `${N}.${Extract<keyof Messages[N], string>}` : never }[Namespace];

/**
 * Catalogue namespaces (or parts of one: "tasks.states") reach the browser only around the client
 * component that reads them (components/client-messages.tsx); what every page's client components
 * show (error boundaries, the live status) comes formatted from the server (lib/i18n/client-text.ts).
 * Server components translate on the server and send text, not catalogues.
 */
export function pickMessages(messages: Messages, parts: readonly MessagePart[]): Partial<Messages> {
  const picked: Record<string, unknown> = {};
  for (const part of parts) {
    const [namespace, key] = part.split(".") as [Namespace, string | undefined];
    if (key === undefined) {
      picked[namespace] = messages[namespace];
    } else {
      const into = (picked[namespace] ??= {}) as Record<string, unknown>;
      into[key] = (messages[namespace] as Record<string, unknown>)[key];
    }
  }
  return picked as Partial<Messages>;
}
