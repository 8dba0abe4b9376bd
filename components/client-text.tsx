"use client";
import { createContext, useContext } from "react";
import type { ClientText } from "@/lib/i18n/client-text";

// The root layout fills it on the server (lib/i18n/client-text.ts); a few hundred bytes of
// strings instead of next-intl's client runtime on every page.
const ClientTextContext = createContext<ClientText | null>(null);

export function ClientTextProvider({ text, children }: { text: ClientText; children: React.ReactNode }) {
  return <ClientTextContext value={text}>{children}</ClientTextContext>;
}

export function useClientText(): ClientText {
  const text = useContext(ClientTextContext);
  if (!text) throw new Error("useClientText needs the root layout's ClientTextProvider");
  return text;
}

/** Puts a value the server could not know into the `{name}` slot of a text it formatted. */
export function fillSlot(text: string, name: string, value: string): string {
  return text.split(`{${name}}`).join(value);
}
