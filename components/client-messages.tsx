import { useLocale, useMessages, useTimeZone } from "next-intl";
import { pickMessages, type MessagePart, type Messages } from "@/lib/i18n/messages";
import { IntlClientProvider } from "./intl-client-provider";

/**
 * The catalogue namespaces (or their parts) a client component reads, sent with it and only there (a provider
 * for its subtree; locale and time zone come from the request). Wrap the client component, not
 * the page: everything else on the page is translated on the server.
 *
 * Not async: the request's configuration is read with next-intl's hooks, which the page's other
 * server components have already resolved, so the subtree renders in the same pass as the page.
 */
export function ClientMessages({ namespaces, children }: { namespaces: readonly MessagePart[]; children: React.ReactNode }) {
  const messages = useMessages() as Messages;
  return (
    <IntlClientProvider locale={useLocale()} timeZone={useTimeZone()} messages={pickMessages(messages, namespaces)}>
      {children}
    </IntlClientProvider>
  );
}
