import type { Metadata } from "next";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import { getCaller } from "@/lib/auth/caller";
import { countFiringAlertsFor } from "@/lib/data/alerts";
import { instanceName, webhookAuthState } from "@/lib/env";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { AppHeader } from "@/components/app-header";
import { AuthWarningBanner } from "@/components/auth-warning-banner";
import { QueryProvider } from "@/components/query-provider";
import { TimeZoneSync } from "@/components/time-zone-sync";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: instanceName, template: `%s · ${instanceName}` },
  description: "Altibbi consultations, status timelines and doctors' recommendations for care coordinators.",
  robots: { index: false, follow: false },
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [timeZone, caller] = await Promise.all([getViewerTimeZone(), getCaller()]);
  const firingAlerts = caller ? await countFiringAlertsFor(caller) : null;
  return (
    <html lang="en" className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow-sm"
        >
          Skip to content
        </a>
        <AppHeader name={instanceName} caller={caller} firingAlerts={firingAlerts} />
        <AuthWarningBanner state={webhookAuthState} />
        <QueryProvider>
          <main id="main" className="mx-auto max-w-7xl px-4 py-6">
            {children}
          </main>
        </QueryProvider>
        <TimeZoneSync serverTimeZone={timeZone} />
      </body>
    </html>
  );
}
