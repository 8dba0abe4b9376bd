// GET /admin/users — the accounts: admins manage them, auditors read the list
import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasPermission, roles } from "@/lib/auth/permissions";
import { isAdminTwoFactorRequired } from "@/lib/auth/two-factor-policy";
import { listUsers } from "@/lib/auth/users";
import { ActionForm } from "@/components/action-form";
import { createUserAction, resetPasswordAction, revokeSessionsAction, setDisabledAction, setRoleAction } from "./actions";
import { setAdminTwoFactorAction } from "./two-factor-actions";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUsers"))("title") };
}

const input = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100";

function RoleSelect({ value, block = false }: { value?: string; block?: boolean }) {
  const t = useTranslations("roles");
  const fields = useTranslations("forms");
  return (
    <select name="role" defaultValue={value ?? "coordinator"} className={`${input}${block ? " block" : ""}`} aria-label={fields("role")}>
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(role)}
        </option>
      ))}
    </select>
  );
}

export default async function UsersPage() {
  const caller = await requirePagePermission("users:read", "/admin/users");
  const manage = hasPermission(caller.role, "users:manage");
  const [users, adminTwoFactorRequired] = await Promise.all([listUsers(), isAdminTwoFactorRequired()]);
  const manageSettings = hasPermission(caller.role, "settings:manage");
  const [t, fields, roleNames] = await Promise.all([getTranslations("adminUsers"), getTranslations("forms"), getTranslations("roles")]);
  const roleName = (role: string | null) => (role === null ? roleNames("none") : roleNames.has(role as "admin") ? roleNames(role as "admin") : role);

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      {manage ? (
        <section aria-labelledby="new-user-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-user-heading" className="text-lg font-semibold">
            {t("newUser")}
          </h2>
          <ActionForm action={createUserAction} label={t("newUser")} className="flex flex-wrap items-end gap-3">
            <label className="text-sm">
              {fields("email")} <input name="email" type="email" required className={`${input} block`} />
            </label>
            <label className="text-sm">
              {fields("name")} <input name="name" type="text" maxLength={100} className={`${input} block`} />
            </label>
            <label className="text-sm">
              {fields("role")} <RoleSelect block />
            </label>
            <label className="text-sm">
              {fields("password")} <input name="password" type="password" autoComplete="new-password" required minLength={12} className={`${input} block`} />
            </label>
            <button type="submit" className={button}>
              {t("createUser")}
            </button>
          </ActionForm>
        </section>
      ) : null}
      <section aria-labelledby="admin-two-factor-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="admin-two-factor-heading" className="text-lg font-semibold">
          {t("twoFactorHeading")}
        </h2>
        <p className="text-sm text-slate-800" data-testid="admin-two-factor-setting">
          {adminTwoFactorRequired ? t("twoFactorRequired") : t("twoFactorNotRequired")}
        </p>
        {manageSettings ? (
          <ActionForm action={setAdminTwoFactorAction} label={t("twoFactorHeading")}>
            <input type="hidden" name="required" value={adminTwoFactorRequired ? "false" : "true"} />
            <button type="submit" className={button}>
              {adminTwoFactorRequired ? t("stopRequiring") : t("require")}
            </button>
          </ActionForm>
        ) : null}
      </section>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-start text-slate-700">
            <tr>
              <th className="px-3 py-2 text-start font-medium">{t("columns.email")}</th>
              <th className="px-3 py-2 text-start font-medium">{t("columns.name")}</th>
              <th className="px-3 py-2 text-start font-medium">{t("columns.role")}</th>
              <th className="px-3 py-2 text-start font-medium">{t("columns.status")}</th>
              <th className="px-3 py-2 text-start font-medium">{t("columns.twoFactor")}</th>
              <th className="px-3 py-2 text-start font-medium">{t("columns.sessions")}</th>
              {manage ? <th className="px-3 py-2 text-start font-medium">{t("columns.manage")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} id={`user-${user.id}`} className="border-t border-slate-100 align-top target:bg-amber-50" data-testid="user-row">
                <td className="px-3 py-2">
                  <bdi>{user.email}</bdi>
                </td>
                <td className="px-3 py-2" dir="auto">
                  {user.name}
                </td>
                <td className="px-3 py-2">{roleName(user.role)}</td>
                <td className="px-3 py-2">{user.banned ? t("disabled") : t("active")}</td>
                <td className="px-3 py-2">{user.twoFactorEnabled ? t("on") : t("off")}</td>
                <td className="px-3 py-2">{user.sessions}</td>
                {manage ? (
                  <td className="space-y-2 px-3 py-2">
                    <ActionForm action={setRoleAction} label={t("roleOf", { email: user.email })} className="flex gap-2">
                      <input type="hidden" name="userId" value={user.id} />
                      <RoleSelect value={user.role ?? undefined} />
                      <button type="submit" className={button}>
                        {t("setRole")}
                      </button>
                    </ActionForm>
                    <ActionForm action={resetPasswordAction} label={t("passwordOf", { email: user.email })} className="flex gap-2">
                      <input type="hidden" name="userId" value={user.id} />
                      <input name="password" type="password" autoComplete="new-password" required minLength={12} placeholder={fields("newPassword")} aria-label={fields("newPassword")} className={input} />
                      <button type="submit" className={button}>
                        {t("resetPassword")}
                      </button>
                    </ActionForm>
                    <div className="flex gap-2">
                      <ActionForm action={setDisabledAction} label={t("accessOf", { email: user.email })}>
                        <input type="hidden" name="userId" value={user.id} />
                        <input type="hidden" name="disabled" value={user.banned ? "false" : "true"} />
                        <button type="submit" className={button}>
                          {user.banned ? t("enable") : t("disable")}
                        </button>
                      </ActionForm>
                      <ActionForm action={revokeSessionsAction} label={t("sessionsOf", { email: user.email })}>
                        <input type="hidden" name="userId" value={user.id} />
                        <button type="submit" className={button}>
                          {t("endSessions")}
                        </button>
                      </ActionForm>
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
