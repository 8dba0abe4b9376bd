// The message catalogues (messages/*.json), and the part of one that client components get.
import type { UiLocale } from "./locales";
import type en from "../../messages/en.json";

export type Messages = typeof en;

export async function loadMessages(locale: UiLocale): Promise<Messages> {
  return locale === "ar" ? (await import("../../messages/ar.json")).default : (await import("../../messages/en.json")).default;
}

/**
 * The namespaces client components read (useTranslations in a "use client" file). Only these
 * go to the browser (NextIntlClientProvider in app/layout.tsx): server components translate on
 * the server and ship text, not catalogues.
 */
export const clientNamespaces = ["forms", "signIn", "setup", "account", "twoFactor", "language", "routeError", "secretReveal", "adminReprocess", "outcome", "liveRefresh", "print"] as const satisfies readonly (keyof Messages)[];

export function pickClientMessages(messages: Messages): Pick<Messages, (typeof clientNamespaces)[number]> {
  return Object.fromEntries(clientNamespaces.map((key) => [key, messages[key]])) as Pick<Messages, (typeof clientNamespaces)[number]>;
}
