// GET /admin/tokens — API tokens for integrators (Authorization: Bearer cdk_…): create, list, revoke
import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/caller";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { roleLabels, roles } from "@/lib/auth/permissions";
import { ActionForm } from "@/components/action-form";
import { createTokenAction, revokeTokenAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

const input = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100";
const when = (date: Date | null) => (date ? date.toISOString().replace("T", " ").slice(0, 16) + " UTC" : "never");

export default async function TokensPage() {
  await requirePagePermission("tokens:manage", "/admin/tokens");
  const tokens = await listApiTokens();
  const now = new Date();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">API tokens</h1>
      <section aria-labelledby="new-token-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-token-heading" className="text-lg font-semibold">
          New token
        </h2>
        <p className="text-sm text-slate-700">
          Integrators send it as <code className="font-mono">Authorization: Bearer cdk_…</code> to the read API, with the rights of its role.
        </p>
        <ActionForm action={createTokenAction} label="New token" className="flex flex-wrap items-end gap-3">
          <label className="text-sm">
            Name <input name="name" type="text" required maxLength={100} className={`${input} block`} />
          </label>
          <label className="text-sm">
            Role
            <select name="role" defaultValue="coordinator" className={`${input} block`}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {roleLabels[role]}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            Expires after (days, optional) <input name="expiresDays" type="number" min={1} max={3650} className={`${input} block`} />
          </label>
          <button type="submit" className={button}>
            Create token
          </button>
        </ActionForm>
      </section>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-left text-slate-700">
            <tr>
              <th className="px-3 py-2 font-medium">Name</th>
              <th className="px-3 py-2 font-medium">Role</th>
              <th className="px-3 py-2 font-medium">Starts with</th>
              <th className="px-3 py-2 font-medium">Created</th>
              <th className="px-3 py-2 font-medium">Expires</th>
              <th className="px-3 py-2 font-medium">Last used</th>
              <th className="px-3 py-2 font-medium">Status</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => {
              const expired = token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime();
              return (
                <tr key={token.id} className="border-t border-slate-100" data-testid="token-row">
                  <td className="px-3 py-2" dir="auto">
                    {token.name}
                  </td>
                  <td className="px-3 py-2">{token.role}</td>
                  <td className="px-3 py-2 font-mono">{token.prefix}…</td>
                  <td className="px-3 py-2">
                    {when(token.createdAt)}
                    {token.createdBy ? <span className="text-slate-600"> by {token.createdBy}</span> : null}
                  </td>
                  <td className="px-3 py-2">{token.expiresAt ? when(token.expiresAt) : "no expiry"}</td>
                  <td className="px-3 py-2">{when(token.lastUsedAt)}</td>
                  <td className="px-3 py-2">
                    {token.revokedAt ? (
                      "Revoked"
                    ) : expired ? (
                      "Expired"
                    ) : (
                      <ActionForm action={revokeTokenAction} label={`Revoke ${token.name}`}>
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button type="submit" className={button}>
                          Revoke
                        </button>
                      </ActionForm>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
