"use client";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";

// Rendered in the browser only (components/live-refresh.tsx loads components/live-poll.tsx only there), so one
// module-level client is one per browser tab, kept across client-side navigations.
let client: QueryClient | undefined;
const tabClient = () => (client ??= new QueryClient({ defaultOptions: { queries: { retry: 1, staleTime: 0 } } }));

/** One react-query client per browser tab, for the live-refresh polls. */
export function QueryProvider({ children }: { children: React.ReactNode }) {
  return <QueryClientProvider client={tabClient()}>{children}</QueryClientProvider>;
}
