// The message catalogues (messages/*.json), and the parts of one that client components get.
import type { UiLocale } from "./locales";
import type en from "../../messages/en.json";

export type Messages = typeof en;
export type Namespace = keyof Messages;

export async function loadMessages(locale: UiLocale): Promise<Messages> {
  return locale === "ar" ? (await import("../../messages/ar.json")).default : (await import("../../messages/en.json")).default;
}

/**
 * Catalogue namespaces reach the browser only around the client component that reads them
 * (components/client-messages.tsx); what every page's client components show (error boundaries,
 * the live status) comes formatted from the server (lib/i18n/client-text.ts). Server components
 * translate on the server and send text, not catalogues.
 */
export function pickMessages<N extends Namespace>(messages: Messages, namespaces: readonly N[]): Pick<Messages, N> {
  return Object.fromEntries(namespaces.map((key) => [key, messages[key]])) as Pick<Messages, N>;
}
