import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import { getCaller } from "@/lib/auth/caller";
import { countFiringAlertsFor } from "@/lib/data/alerts";
import { instanceName, webhookAuthState } from "@/lib/env";
import { getClientText } from "@/lib/i18n/client-text";
import { getUiSettings } from "@/lib/i18n/settings";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { AppHeader } from "@/components/app-header";
import { arabicSans } from "@/components/arabic-font";
import { AuthWarningBanner } from "@/components/auth-warning-banner";
import { ClientTextProvider } from "@/components/client-text";
import { TimeZoneSync } from "@/components/time-zone-sync";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  return {
    title: { default: instanceName, template: `%s · ${instanceName}` },
    description: t("description"),
    robots: { index: false, follow: false },
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [timeZone, caller, ui, t, clientText] = await Promise.all([getViewerTimeZone(), getCaller(), getUiSettings(), getTranslations("layout"), getClientText()]);
  const firingAlerts = caller ? await countFiringAlertsFor(caller) : null;
  return (
    <html lang={ui.locale} dir={ui.dir} className={`${GeistSans.variable} ${GeistMono.variable} ${arabicSans.variable}`}>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:start-2 focus:z-50 focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:shadow-sm"
        >
          {t("skipToContent")}
        </a>
        <AppHeader name={instanceName} caller={caller} firingAlerts={firingAlerts} locale={ui.locale} />
        <AuthWarningBanner state={webhookAuthState} />
        {/* What every page's client components show (error boundaries, the live status), formatted
            here: no message catalogue and no ICU runtime in every page's JavaScript. A client
            component that formats messages itself gets them from components/client-messages.tsx. */}
        <ClientTextProvider text={clientText}>
          <main id="main" className="mx-auto max-w-7xl px-4 py-6">
            {children}
          </main>
        </ClientTextProvider>
        <TimeZoneSync serverTimeZone={timeZone} />
      </body>
    </html>
  );
}
