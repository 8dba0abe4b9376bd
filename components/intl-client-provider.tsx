"use client";
// next-intl's provider itself, for client components' messages (components/client-messages.tsx).
// Imported from a server component, `next-intl` is its react-server build, whose provider is an
// async component that awaits the request's configuration again: each one made the renderer wait
// a turn, and server-side rendering stream its subtree as a separate segment.
import { NextIntlClientProvider } from "next-intl";

export function IntlClientProvider(props: React.ComponentProps<typeof NextIntlClientProvider>) {
  return <NextIntlClientProvider {...props} />;
}
