import Link from "next/link";
import { useTranslations } from "next-intl";
import { signOutAction } from "@/app/account/actions";
import { hasPermission, type Caller, type Permission } from "@/lib/auth/permissions";
import type { UiLocale } from "@/lib/i18n/locales";
import { LanguageSwitch } from "./language-switch";
import { NavLink } from "./nav-link";

type Signed = Extract<Caller, { kind: "user" }>;

// Links only to pages the role may open (the pages check again on the server).
const links = [
  { href: "/consultations", label: "consultations", permission: "consultations:read" },
  { href: "/worklist", label: "worklist", permission: "consultations:read" },
  { href: "/insights", label: "insights", permission: "consultations:read" },
  { href: "/deliveries", label: "deliveries", permission: "deliveries:read" },
  { href: "/audit", label: "audit", permission: "audit:read" },
  { href: "/admin/payload", label: "payload", permission: "deliveries:read" },
  { href: "/admin/users", label: "users", permission: "users:read" },
  { href: "/admin/tokens", label: "tokens", permission: "tokens:manage" },
  { href: "/admin/jobs", label: "jobs", permission: "jobs:read" },
  { href: "/admin/settings", label: "settings", permission: "settings:manage" },
] as const satisfies readonly { href: string; label: string; permission: Permission }[];

/** firingAlerts: how many alerts are firing, for a caller who may see alerts (else null). */
export function AppHeader({ name, caller, firingAlerts = null, locale }: { name: string; caller: Signed | null; firingAlerts?: number | null; locale: UiLocale }) {
  const t = useTranslations("header");
  const roles = useTranslations("roles");
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" prefetch={false} className="text-lg font-semibold text-slate-900" dir="auto">
          {name}
        </Link>
        {caller ? (
          <>
            <nav aria-label={t("main")} className="flex flex-wrap gap-1 text-sm">
              {links
                .filter((link) => hasPermission(caller.role, link.permission))
                .map((link) => (
                  <NavLink key={link.href} href={link.href}>
                    {t(`links.${link.label}`)}
                  </NavLink>
                ))}
              {firingAlerts !== null ? (
                <NavLink href="/alerts">
                  {t("links.alerts")}
                  {firingAlerts > 0 ? (
                    <span className="ms-1 rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid="firing-alerts" aria-label={t("firing", { count: firingAlerts })}>
                      {firingAlerts}
                    </span>
                  ) : null}
                </NavLink>
              ) : null}
            </nav>
            <div className="ms-auto flex items-center gap-3 text-sm" data-testid="signed-in-as">
              <Link href="/account" prefetch={false} className="text-slate-800 hover:underline">
                <bdi>{caller.name}</bdi> <span className="text-slate-600">(<bdi>{caller.email}</bdi>)</span>
              </Link>
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">{roles(caller.role)}</span>
              <LanguageSwitch current={locale} />
              <form action={signOutAction}>
                <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-slate-800 hover:bg-slate-100">
                  {t("signOut")}
                </button>
              </form>
            </div>
          </>
        ) : (
          <div className="ms-auto text-sm">
            <LanguageSwitch current={locale} />
          </div>
        )}
      </div>
    </header>
  );
}
