import Link from "next/link";
import { signOutAction } from "@/app/account/actions";
import { hasPermission, roleLabels, type Caller, type Permission } from "@/lib/auth/permissions";
import { NavLink } from "./nav-link";

type Signed = Extract<Caller, { kind: "user" }>;

// Links only to pages the role may open (the pages check again on the server).
const links: { href: string; label: string; permission: Permission }[] = [
  { href: "/consultations", label: "Consultations", permission: "consultations:read" },
  { href: "/worklist", label: "Worklist", permission: "consultations:read" },
  { href: "/insights", label: "Insights", permission: "consultations:read" },
  { href: "/deliveries", label: "Webhook deliveries", permission: "deliveries:read" },
  { href: "/audit", label: "Audit", permission: "audit:read" },
  { href: "/admin/payload", label: "Payload drift", permission: "deliveries:read" },
  { href: "/admin/users", label: "Users", permission: "users:read" },
  { href: "/admin/tokens", label: "API tokens", permission: "tokens:manage" },
  { href: "/admin/jobs", label: "Jobs", permission: "jobs:read" },
  { href: "/admin/settings", label: "Settings", permission: "settings:manage" },
];

/** firingAlerts: how many alerts are firing, for a caller who may see alerts (else null). */
export function AppHeader({ name, caller, firingAlerts = null }: { name: string; caller: Signed | null; firingAlerts?: number | null }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" prefetch={false} className="text-lg font-semibold text-slate-900" dir="auto">
          {name}
        </Link>
        {caller ? (
          <>
            <nav aria-label="Main" className="flex flex-wrap gap-1 text-sm">
              {links
                .filter((link) => hasPermission(caller.role, link.permission))
                .map((link) => (
                  <NavLink key={link.href} href={link.href}>
                    {link.label}
                  </NavLink>
                ))}
              {firingAlerts !== null ? (
                <NavLink href="/alerts">
                  Alerts
                  {firingAlerts > 0 ? (
                    <span className="ml-1 rounded-full bg-red-600 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid="firing-alerts" aria-label={`${firingAlerts} firing`}>
                      {firingAlerts}
                    </span>
                  ) : null}
                </NavLink>
              ) : null}
            </nav>
            <div className="ml-auto flex items-center gap-3 text-sm" data-testid="signed-in-as">
              <Link href="/account" prefetch={false} className="text-slate-800 hover:underline">
                <span dir="auto">{caller.name}</span> <span className="text-slate-600">({caller.email})</span>
              </Link>
              <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-800">{roleLabels[caller.role]}</span>
              <form action={signOutAction}>
                <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 text-slate-800 hover:bg-slate-100">
                  Sign out
                </button>
              </form>
            </div>
          </>
        ) : null}
      </div>
    </header>
  );
}
