// GET /account — the signed-in user: change password, two-factor sign-in, sign out everywhere
import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/caller";
import { roleLabels } from "@/lib/auth/permissions";
import { isAdminTwoFactorRequired } from "@/lib/auth/two-factor-policy";
import { PasswordChangeForm } from "@/components/password-change-form";
import { TwoFactorSettings } from "@/components/two-factor-settings";
import { signOutEverywhereAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const caller = await requirePagePermission(null, "/account");
  const changed = (await searchParams).password === "changed";
  const mustEnrol = caller.role === "admin" && !caller.twoFactorEnabled && (await isAdminTwoFactorRequired());
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Your account</h1>
      {mustEnrol ? (
        <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-amber-950">
          Two-factor sign-in is required for admins on this Care Desk. Set it up below to continue.
        </p>
      ) : null}
      <p className="text-slate-800">
        <span dir="auto">{caller.name}</span> · {caller.email} · {roleLabels[caller.role]}
      </p>
      <section aria-labelledby="password-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="password-heading" className="text-lg font-semibold">
          Change password
        </h2>
        <p className="text-sm text-slate-700">At least 12 characters, not a common one. Your other sessions are signed out.</p>
        {changed ? (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-950">
            Password changed. Your other sessions were signed out.
          </p>
        ) : null}
        <PasswordChangeForm />
      </section>
      <section aria-labelledby="two-factor-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="two-factor-heading" className="text-lg font-semibold">
          Two-factor sign-in
        </h2>
        <TwoFactorSettings enabled={caller.twoFactorEnabled} />
      </section>
      <section aria-labelledby="sessions-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <form action={signOutEverywhereAction}>
          <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100">
            Sign out everywhere
          </button>
        </form>
      </section>
    </div>
  );
}
