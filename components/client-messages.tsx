import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { pickMessages, type MessagePart, type Messages } from "@/lib/i18n/messages";

/**
 * The catalogue namespaces (or their parts) a client component reads, sent with it and only there (a provider
 * for its subtree; locale and time zone come from the request). Wrap the client component, not
 * the page: everything else on the page is translated on the server.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly MessagePart[]; children: React.ReactNode }) {
  const messages = (await getMessages()) as Messages;
  return <NextIntlClientProvider messages={pickMessages(messages, namespaces)}>{children}</NextIntlClientProvider>;
}
