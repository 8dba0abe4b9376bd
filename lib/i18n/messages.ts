// The message catalogues (messages/*.json), and the parts of one that client components get.
import type { UiLocale } from "./locales";
import type en from "../../messages/en.json";

export type Messages = typeof en;
export type Namespace = keyof Messages;

export async function loadMessages(locale: UiLocale): Promise<Messages> {
  return locale === "ar" ? (await import("../../messages/ar.json")).default : (await import("../../messages/en.json")).default;
}

/**
 * What every page's client components may need (app/layout.tsx): error boundaries and the live
 * refresh's status. Anything else reaches the browser only around the client component that
 * reads it (components/client-messages.tsx): server components translate on the server and send
 * text, not catalogues.
 */
export const everyPageNamespaces = ["routeError", "liveRefresh"] as const satisfies readonly Namespace[];

export function pickMessages<N extends Namespace>(messages: Messages, namespaces: readonly N[]): Pick<Messages, N> {
  return Object.fromEntries(namespaces.map((key) => [key, messages[key]])) as Pick<Messages, N>;
}
