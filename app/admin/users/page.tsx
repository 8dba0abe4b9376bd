// GET /admin/users — the accounts: admins manage them, auditors read the list
import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasPermission, roleLabels, roles } from "@/lib/auth/permissions";
import { isAdminTwoFactorRequired } from "@/lib/auth/two-factor-policy";
import { listUsers } from "@/lib/auth/users";
import { ActionForm } from "@/components/action-form";
import { createUserAction, resetPasswordAction, revokeSessionsAction, setDisabledAction, setRoleAction } from "./actions";
import { setAdminTwoFactorAction } from "./two-factor-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Users" };

const input = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100";

function RoleSelect({ value, block = false }: { value?: string; block?: boolean }) {
  return (
    <select name="role" defaultValue={value ?? "coordinator"} className={`${input}${block ? " block" : ""}`} aria-label="Role">
      {roles.map((role) => (
        <option key={role} value={role}>
          {roleLabels[role]}
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

  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Users</h1>
      {manage ? (
        <section aria-labelledby="new-user-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-user-heading" className="text-lg font-semibold">
            New user
          </h2>
          <ActionForm action={createUserAction} label="New user" className="flex flex-wrap items-end gap-3">
            <label className="text-sm">
              Email <input name="email" type="email" required className={`${input} block`} />
            </label>
            <label className="text-sm">
              Name <input name="name" type="text" maxLength={100} className={`${input} block`} />
            </label>
            <label className="text-sm">
              Role <RoleSelect block />
            </label>
            <label className="text-sm">
              Password <input name="password" type="password" autoComplete="new-password" required minLength={12} className={`${input} block`} />
            </label>
            <button type="submit" className={button}>
              Create user
            </button>
          </ActionForm>
        </section>
      ) : null}
      <section aria-labelledby="admin-two-factor-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="admin-two-factor-heading" className="text-lg font-semibold">
          Two-factor sign-in for admins
        </h2>
        <p className="text-sm text-slate-800" data-testid="admin-two-factor-setting">
          {adminTwoFactorRequired
            ? "Required: an admin who signs in with a password and has no two-factor sign-in is sent to set it up before anything else."
            : "Not required: each person chooses at /account."}
        </p>
        {manageSettings ? (
          <ActionForm action={setAdminTwoFactorAction} label="Two-factor sign-in for admins">
            <input type="hidden" name="required" value={adminTwoFactorRequired ? "false" : "true"} />
            <button type="submit" className={button}>
              {adminTwoFactorRequired ? "Stop requiring it" : "Require it for admins"}
            </button>
          </ActionForm>
        ) : null}
      </section>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th className="px-3 py-2 font-medium">Email</th>
              <th className="px-3 py-2 font-medium">Name</th>
              <th className="px-3 py-2 font-medium">Role</th>
              <th className="px-3 py-2 font-medium">Status</th>
              <th className="px-3 py-2 font-medium">Two-factor</th>
              <th className="px-3 py-2 font-medium">Sessions</th>
              {manage ? <th className="px-3 py-2 font-medium">Manage</th> : null}
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} id={`user-${user.id}`} className="border-t border-slate-100 align-top target:bg-amber-50" data-testid="user-row">
                <td className="px-3 py-2" dir="auto">
                  {user.email}
                </td>
                <td className="px-3 py-2" dir="auto">
                  {user.name}
                </td>
                <td className="px-3 py-2">{user.role ?? "none"}</td>
                <td className="px-3 py-2">{user.banned ? "Disabled" : "Active"}</td>
                <td className="px-3 py-2">{user.twoFactorEnabled ? "On" : "Off"}</td>
                <td className="px-3 py-2">{user.sessions}</td>
                {manage ? (
                  <td className="space-y-2 px-3 py-2">
                    <ActionForm action={setRoleAction} label={`Role of ${user.email}`} className="flex gap-2">
                      <input type="hidden" name="userId" value={user.id} />
                      <RoleSelect value={user.role ?? undefined} />
                      <button type="submit" className={button}>
                        Set role
                      </button>
                    </ActionForm>
                    <ActionForm action={resetPasswordAction} label={`Password of ${user.email}`} className="flex gap-2">
                      <input type="hidden" name="userId" value={user.id} />
                      <input name="password" type="password" autoComplete="new-password" required minLength={12} placeholder="New password" aria-label="New password" className={input} />
                      <button type="submit" className={button}>
                        Reset password
                      </button>
                    </ActionForm>
                    <div className="flex gap-2">
                      <ActionForm action={setDisabledAction} label={`Access of ${user.email}`}>
                        <input type="hidden" name="userId" value={user.id} />
                        <input type="hidden" name="disabled" value={user.banned ? "false" : "true"} />
                        <button type="submit" className={button}>
                          {user.banned ? "Enable" : "Disable"}
                        </button>
                      </ActionForm>
                      <ActionForm action={revokeSessionsAction} label={`Sessions of ${user.email}`}>
                        <input type="hidden" name="userId" value={user.id} />
                        <button type="submit" className={button}>
                          End sessions
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
