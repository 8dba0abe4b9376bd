// GET /alerts — firing and recent alerts, the rules and their thresholds, the notification outbox (admins)
import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasPermission } from "@/lib/auth/permissions";
import { maxAttempts } from "@/lib/alerts/notify";
import { alertRules, isAlertRuleKey } from "@/lib/alerts/rules";
import { getAlertsOverview, type AlertDto } from "@/lib/data/alerts";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { formatDateTime, formatOffset } from "@/lib/time/format";
import { ActionForm } from "@/components/action-form";
import { acknowledgeAlertAction, retryNotificationAction, updateAlertRuleAction } from "./actions";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("alerts"))("title") };
}

const input = "w-28 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100";
const cell = "px-3 py-2 align-top";
const head = "px-3 py-2 text-start font-medium";
const isolate = (chunks: React.ReactNode) => <bdi>{chunks}</bdi>;
const units = ["minutes", "hours", "failures", "percent"] as const;

export default async function AlertsPage() {
  const caller = await requirePagePermission("alerts:read", "/alerts");
  const [overview, timeZone] = await Promise.all([getAlertsOverview(caller), getViewerTimeZone()]);
  const canManage = hasPermission(caller.role, "alerts:manage");
  const [t, locale] = await Promise.all([getTranslations("alerts"), getLocale()]);
  const number = new Intl.NumberFormat(locale);
  const when = (date: Date | null) =>
    date ? (
      <>
        {formatDateTime(date, timeZone, locale)} <bdi>{formatOffset(date, timeZone)}</bdi>
      </>
    ) : (
      "—"
    );
  const ruleLabel = (rule: string) => (isAlertRuleKey(rule) ? t(`ruleLabels.${rule}`) : rule);
  const unitName = (unit: string) => {
    const known = units.find((name) => name === unit);
    return known ? t(`units.${known}`) : unit;
  };

  const alertRow = (alert: AlertDto) => (
    <tr key={alert.id} className="border-t border-slate-100" data-testid="alert-row">
      <td className={`${cell} font-medium`}>{ruleLabel(alert.rule)}</td>
      <td className={cell}>
        {alert.firing ? <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">{t("firing")}</span> : <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900">{t("resolved")}</span>}
      </td>
      <td className={cell}>
        {number.format(alert.value)} {unitName(alert.unit)} <span className="text-slate-600">{t("threshold", { threshold: number.format(alert.threshold) })}</span>
      </td>
      <td className={`${cell} max-w-md break-words`} dir="auto">
        {alert.summary}
      </td>
      <td className={cell}>{when(alert.firedAt)}</td>
      <td className={cell}>{when(alert.resolvedAt)}</td>
      <td className={cell}>
        {alert.acknowledgedAt ? (
          <span>
            {when(alert.acknowledgedAt)} <span className="text-slate-600">{t.rich("by", { who: alert.acknowledgedBy ?? "", isolate })}</span>
          </span>
        ) : canManage ? (
          <ActionForm action={acknowledgeAlertAction} label={t("acknowledgeOf", { rule: ruleLabel(alert.rule) })}>
            <input type="hidden" name="alertId" value={alert.id} />
            <button type="submit" className={button}>
              {t("acknowledge")}
            </button>
          </ActionForm>
        ) : (
          t("notYet")
        )}
      </td>
    </tr>
  );
  // Each wide table scrolls sideways on its own on a narrow screen, reachable by keyboard.
  const alertTable = (alerts: AlertDto[], caption: string, empty: string) => (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={caption} tabIndex={0}>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-slate-700">
          <tr>
            <th className={head}>{t("columns.rule")}</th>
            <th className={head}>{t("columns.state")}</th>
            <th className={head}>{t("columns.value")}</th>
            <th className={head}>{t("columns.seen")}</th>
            <th className={head}>{t("columns.fired")}</th>
            <th className={head}>{t("columns.resolved")}</th>
            <th className={head}>{t("columns.acknowledged")}</th>
          </tr>
        </thead>
        <tbody>
          {alerts.length === 0 ? (
            <tr>
              <td colSpan={7} className={`${cell} text-slate-600`}>
                {empty}
              </td>
            </tr>
          ) : (
            alerts.map(alertRow)
          )}
        </tbody>
      </table>
    </div>
  );

  const failing = overview.notifications.filter((n) => n.deliveredAt === null && n.lastError !== null);
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>

      <section aria-labelledby="firing-heading" className="space-y-3">
        <h2 id="firing-heading" className="text-lg font-semibold">
          {t("firingNow", { count: number.format(overview.firing.length) })}
        </h2>
        {alertTable(overview.firing, t("firingCaption"), t("nothingFiring"))}
      </section>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading" className="text-lg font-semibold">
          {t("recent")}
        </h2>
        {alertTable(overview.recent, t("recentCaption"), t("noneResolved"))}
      </section>

      <section aria-labelledby="rules-heading" className="space-y-3">
        <h2 id="rules-heading" className="text-lg font-semibold">
          {t("rules")}
        </h2>
        <p className="text-sm text-slate-700">
          {t.rich("rulesHelp", {
            hours: overview.businessHours,
            timeZone: overview.timeZone,
            code: (chunks) => (
              <code className="font-mono" dir="ltr">
                {chunks}
              </code>
            ),
          })}
        </p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={t("rules")} tabIndex={0}>
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-slate-700">
              <tr>
                <th className={head}>{t("columns.rule")}</th>
                <th className={head}>{t("columns.condition")}</th>
                <th className={head}>{t("columns.threshold")}</th>
                <th className={head}>{t("columns.default")}</th>
              </tr>
            </thead>
            <tbody>
              {overview.rules.map((rule) => {
                const definition = alertRules[rule.key];
                const label = t(`ruleLabels.${rule.key}`);
                const unit = unitName(definition.unit);
                return (
                  <tr key={rule.key} className="border-t border-slate-100" data-testid={`rule-${rule.key}`}>
                    <td className={`${cell} font-medium`}>{label}</td>
                    <td className={`${cell} max-w-md`}>
                      {rule.threshold === 0 ? <span className="font-medium text-slate-600">{t("off")}</span> : t(`conditions.${rule.key}`, { n: number.format(rule.threshold) })}
                      {rule.businessHoursOnly ? <span className="text-slate-600"> {t("businessHoursOnly")}</span> : null}
                      {rule.overridden ? (
                        <span className="block text-xs text-slate-600">
                          {t.rich("changed", { when: formatDateTime(rule.updatedAt!, timeZone, locale), who: rule.updatedBy ?? t("someone"), isolate })}
                        </span>
                      ) : null}
                    </td>
                    <td className={cell}>
                      {canManage ? (
                        <ActionForm action={updateAlertRuleAction} label={t("ruleForm", { rule: label })} className="flex flex-wrap items-center gap-2">
                          <input type="hidden" name="rule" value={rule.key} />
                          <label className="text-sm">
                            <span className="sr-only">{t("thresholdOf", { rule: label, unit })}</span>
                            <input name="threshold" type="number" min={0} max={rule.key === "rejected_percent" ? 100 : 1_000_000} required defaultValue={rule.threshold} className={input} />
                          </label>
                          <span className="text-slate-600">{unit}</span>
                          {rule.key === "feed_silence" ? (
                            <label className="flex items-center gap-1 text-sm">
                              <input type="checkbox" name="businessHoursOnly" defaultChecked={rule.businessHoursOnly} /> {t("businessHoursCheckbox")}
                            </label>
                          ) : null}
                          <button type="submit" name="intent" value="save" className={button}>
                            {t("save")}
                          </button>
                          {rule.overridden ? (
                            <button type="submit" name="intent" value="reset" className={button} formNoValidate>
                              {t("useDefault")}
                            </button>
                          ) : null}
                        </ActionForm>
                      ) : (
                        `${number.format(rule.threshold)} ${unit}`
                      )}
                    </td>
                    <td className={cell}>
                      {number.format(definition.defaultThreshold)}{" "}
                      <code className="block font-mono text-xs text-slate-600" dir="ltr">
                        {definition.envName}
                      </code>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="notifications-heading" className="space-y-3">
        <h2 id="notifications-heading" className="text-lg font-semibold">
          {t("notifications")}
        </h2>
        <p className="text-sm text-slate-700">
          {overview.webhookConfigured ? t("webhookOn", { attempts: number.format(maxAttempts) }) : t("webhookOff")}
          {failing.length > 0 ? <strong className="ms-1 text-red-900">{t("notDelivered", { count: failing.length })}</strong> : null}
        </p>
        {overview.notifications.length > 0 ? (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={t("notifications")} tabIndex={0}>
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-slate-700">
                <tr>
                  <th className={head}>{t("columns.alert")}</th>
                  <th className={head}>{t("columns.event")}</th>
                  <th className={head}>{t("columns.attempts")}</th>
                  <th className={head}>{t("columns.delivered")}</th>
                  <th className={head}>{t("columns.lastError")}</th>
                  <th className={head}>{t("columns.nextAttempt")}</th>
                </tr>
              </thead>
              <tbody>
                {overview.notifications.map((notification) => (
                  <tr key={notification.id} className="border-t border-slate-100" data-testid="notification-row">
                    <td className={cell}>
                      #{notification.alertId} {ruleLabel(notification.rule)}
                    </td>
                    <td className={cell}>{notification.event === "firing" || notification.event === "resolved" ? t(`events.${notification.event}`) : notification.event}</td>
                    <td className={cell}>{number.format(notification.attempts)}</td>
                    <td className={cell}>{notification.deliveredAt ? when(notification.deliveredAt) : t("notYet")}</td>
                    <td className={`${cell} max-w-sm break-words text-red-900`} dir="auto">
                      {notification.lastError ?? ""}
                    </td>
                    <td className={cell}>
                      {notification.deliveredAt ? (
                        "—"
                      ) : notification.attempts >= maxAttempts ? (
                        canManage ? (
                          <ActionForm action={retryNotificationAction} label={t("sendAgainOf", { id: String(notification.id) })}>
                            <input type="hidden" name="notificationId" value={notification.id} />
                            <button type="submit" className={button}>
                              {t("gaveUpSendAgain")}
                            </button>
                          </ActionForm>
                        ) : (
                          t("gaveUp")
                        )
                      ) : (
                        when(notification.nextAttemptAt)
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}
