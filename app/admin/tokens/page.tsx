// GET /admin/tokens — API tokens for integrators (Authorization: Bearer cdk_…): create, list, revoke
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/caller";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { roles } from "@/lib/auth/permissions";
import { formatDateTime } from "@/lib/time/format";
import { ActionForm } from "@/components/action-form";
import { createTokenAction, revokeTokenAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminTokens"))("title") };
}

const input = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100";
const head = "px-3 py-2 text-start font-medium";

export default async function TokensPage() {
  await requirePagePermission("tokens:manage", "/admin/tokens");
  const [tokens, t, time, roleNames, locale] = await Promise.all([listApiTokens(), getTranslations("adminTokens"), getTranslations("time"), getTranslations("roles"), getLocale()]);
  const when = (date: Date | null) => (date ? time("utc", { time: formatDateTime(date, "UTC", locale) }) : time("never"));
  const now = new Date();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <section aria-labelledby="new-token-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-token-heading" className="text-lg font-semibold">
          {t("newToken")}
        </h2>
        <p className="text-sm text-slate-700">
          {t.rich("help", {
            code: (chunks) => (
              <code className="font-mono" dir="ltr">
                {chunks}
              </code>
            ),
          })}
        </p>
        <ActionForm action={createTokenAction} label={t("newToken")} className="flex flex-wrap items-end gap-3">
          <label className="text-sm">
            {t("name")} <input name="name" type="text" required maxLength={100} className={`${input} block`} />
          </label>
          <label className="text-sm">
            {t("role")}
            <select name="role" defaultValue="coordinator" className={`${input} block`}>
              {roles.map((role) => (
                <option key={role} value={role}>
                  {roleNames(role)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            {t("expiresAfter")} <input name="expiresDays" type="number" min={1} max={3650} className={`${input} block`} />
          </label>
          <button type="submit" className={button}>
            {t("create")}
          </button>
        </ActionForm>
      </section>
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-50 text-slate-700">
            <tr>
              <th className={head}>{t("columns.name")}</th>
              <th className={head}>{t("columns.role")}</th>
              <th className={head}>{t("columns.prefix")}</th>
              <th className={head}>{t("columns.created")}</th>
              <th className={head}>{t("columns.expires")}</th>
              <th className={head}>{t("columns.lastUsed")}</th>
              <th className={head}>{t("columns.status")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((token) => {
              const expired = token.expiresAt !== null && token.expiresAt.getTime() <= now.getTime();
              return (
                <tr key={token.id} className="border-t border-slate-100" data-testid="token-row">
                  <td className="px-3 py-2">
                    <bdi>{token.name}</bdi>
                  </td>
                  <td className="px-3 py-2">{roleNames.has(token.role as "admin") ? roleNames(token.role as "admin") : token.role}</td>
                  <td className="px-3 py-2 font-mono" dir="ltr">
                    {token.prefix}…
                  </td>
                  <td className="px-3 py-2">
                    {when(token.createdAt)}
                    {token.createdBy ? (
                      <span className="text-slate-600">
                        {" "}
                        {t.rich("by", { who: token.createdBy, isolate: (chunks) => <bdi>{chunks}</bdi> })}
                      </span>
                    ) : null}
                  </td>
                  <td className="px-3 py-2">{token.expiresAt ? when(token.expiresAt) : t("noExpiry")}</td>
                  <td className="px-3 py-2">{when(token.lastUsedAt)}</td>
                  <td className="px-3 py-2">
                    {token.revokedAt ? (
                      t("revoked")
                    ) : expired ? (
                      t("expired")
                    ) : (
                      <ActionForm action={revokeTokenAction} label={t("revokeOf", { name: token.name })}>
                        <input type="hidden" name="tokenId" value={token.id} />
                        <button type="submit" className={button}>
                          {t("revoke")}
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
