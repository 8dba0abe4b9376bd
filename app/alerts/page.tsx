// GET /alerts — firing and recent alerts, the rules and their thresholds, the notification outbox (admins)
import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/caller";
import { hasPermission } from "@/lib/auth/permissions";
import { maxAttempts } from "@/lib/alerts/notify";
import { alertRules } from "@/lib/alerts/rules";
import { getAlertsOverview, type AlertDto } from "@/lib/data/alerts";
import { getViewerTimeZone } from "@/lib/viewer-time-zone";
import { formatDateTime, formatOffset } from "@/lib/time/format";
import { ActionForm } from "@/components/action-form";
import { acknowledgeAlertAction, retryNotificationAction, updateAlertRuleAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts" };

const input = "w-28 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900";
const button = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 hover:bg-slate-100";
const cell = "px-3 py-2 align-top";
const head = "px-3 py-2 font-medium";

export default async function AlertsPage() {
  const caller = await requirePagePermission("alerts:read", "/alerts");
  const [overview, timeZone] = await Promise.all([getAlertsOverview(caller), getViewerTimeZone()]);
  const canManage = hasPermission(caller.role, "alerts:manage");
  const when = (date: Date | null) => (date ? `${formatDateTime(date, timeZone)} ${formatOffset(date, timeZone)}` : "—");

  const alertRow = (alert: AlertDto) => (
    <tr key={alert.id} className="border-t border-slate-100" data-testid="alert-row">
      <td className={`${cell} font-medium`}>{alert.label}</td>
      <td className={cell}>
        {alert.firing ? <span className="rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">Firing</span> : <span className="rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-900">Resolved</span>}
      </td>
      <td className={cell}>
        {alert.value} {alert.unit} <span className="text-slate-600">(threshold {alert.threshold})</span>
      </td>
      <td className={`${cell} max-w-md break-words`}>{alert.summary}</td>
      <td className={cell}>{when(alert.firedAt)}</td>
      <td className={cell}>{when(alert.resolvedAt)}</td>
      <td className={cell}>
        {alert.acknowledgedAt ? (
          <span>
            {when(alert.acknowledgedAt)} <span className="text-slate-600">by {alert.acknowledgedBy}</span>
          </span>
        ) : canManage ? (
          <ActionForm action={acknowledgeAlertAction} label={`Acknowledge ${alert.label}`}>
            <input type="hidden" name="alertId" value={alert.id} />
            <button type="submit" className={button}>
              Acknowledge
            </button>
          </ActionForm>
        ) : (
          "not yet"
        )}
      </td>
    </tr>
  );
  // Each wide table scrolls sideways on its own on a narrow screen, reachable by keyboard.
  const alertTable = (alerts: AlertDto[], caption: string, empty: string) => (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label={caption} tabIndex={0}>
      <table className="min-w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-slate-700">
          <tr>
            <th className={head}>Rule</th>
            <th className={head}>State</th>
            <th className={head}>Value</th>
            <th className={head}>What was seen</th>
            <th className={head}>Fired</th>
            <th className={head}>Resolved</th>
            <th className={head}>Acknowledged</th>
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
      <h1 className="text-2xl font-semibold">Alerts</h1>

      <section aria-labelledby="firing-heading" className="space-y-3">
        <h2 id="firing-heading" className="text-lg font-semibold">
          Firing now ({overview.firing.length})
        </h2>
        {alertTable(overview.firing, "Alerts firing now", "Nothing is firing.")}
      </section>

      <section aria-labelledby="recent-heading" className="space-y-3">
        <h2 id="recent-heading" className="text-lg font-semibold">
          Resolved recently
        </h2>
        {alertTable(overview.recent, "Resolved alerts, newest first", "No alert has resolved yet.")}
      </section>

      <section aria-labelledby="rules-heading" className="space-y-3">
        <h2 id="rules-heading" className="text-lg font-semibold">
          Rules
        </h2>
        <p className="text-sm text-slate-700">
          Evaluated every minute. An alert fires once, stays firing while its condition holds, and resolves once. 0 turns a rule off. Business hours:{" "}
          <code className="font-mono">{overview.businessHours}</code> ({overview.timeZone}).
        </p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label="Rules" tabIndex={0}>
          <table className="min-w-full text-sm">
            <thead className="bg-slate-50 text-left text-slate-700">
              <tr>
                <th className={head}>Rule</th>
                <th className={head}>Condition</th>
                <th className={head}>Threshold</th>
                <th className={head}>Default</th>
              </tr>
            </thead>
            <tbody>
              {overview.rules.map((rule) => {
                const definition = alertRules[rule.key];
                return (
                  <tr key={rule.key} className="border-t border-slate-100" data-testid={`rule-${rule.key}`}>
                    <td className={`${cell} font-medium`}>{definition.label}</td>
                    <td className={`${cell} max-w-md`}>
                      {rule.threshold === 0 ? <span className="font-medium text-slate-600">Off.</span> : definition.describe(rule.threshold)}
                      {rule.businessHoursOnly ? <span className="text-slate-600"> Business hours only.</span> : null}
                      {rule.overridden ? (
                        <span className="block text-xs text-slate-600">
                          Changed {when(rule.updatedAt)} by {rule.updatedBy ?? "someone"}
                        </span>
                      ) : null}
                    </td>
                    <td className={cell}>
                      {canManage ? (
                        <ActionForm action={updateAlertRuleAction} label={`${definition.label} rule`} className="flex flex-wrap items-center gap-2">
                          <input type="hidden" name="rule" value={rule.key} />
                          <label className="text-sm">
                            <span className="sr-only">{definition.label} threshold ({definition.unit})</span>
                            <input name="threshold" type="number" min={0} max={rule.key === "rejected_percent" ? 100 : 1_000_000} required defaultValue={rule.threshold} className={input} />
                          </label>
                          <span className="text-slate-600">{definition.unit}</span>
                          {rule.key === "feed_silence" ? (
                            <label className="flex items-center gap-1 text-sm">
                              <input type="checkbox" name="businessHoursOnly" defaultChecked={rule.businessHoursOnly} /> business hours only
                            </label>
                          ) : null}
                          <button type="submit" name="intent" value="save" className={button}>
                            Save
                          </button>
                          {rule.overridden ? (
                            <button type="submit" name="intent" value="reset" className={button} formNoValidate>
                              Use default
                            </button>
                          ) : null}
                        </ActionForm>
                      ) : (
                        `${rule.threshold} ${definition.unit}`
                      )}
                    </td>
                    <td className={cell}>
                      {definition.defaultThreshold} <code className="block font-mono text-xs text-slate-600">{definition.envName}</code>
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
          Notifications
        </h2>
        <p className="text-sm text-slate-700">
          {overview.webhookConfigured
            ? `Firing and resolved alerts are POSTed to CARE_DESK_ALERT_WEBHOOK_URL, retried with backoff (30 s, 1 min, 2 min … at most an hour; ${maxAttempts} attempts).`
            : "CARE_DESK_ALERT_WEBHOOK_URL is not set: alerts show here and in the header only."}
          {failing.length > 0 ? <strong className="ml-1 text-red-900">{failing.length} not delivered yet.</strong> : null}
        </p>
        {overview.notifications.length > 0 ? (
          <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white" role="region" aria-label="Notifications" tabIndex={0}>
            <table className="min-w-full text-sm">
              <thead className="bg-slate-50 text-left text-slate-700">
                <tr>
                  <th className={head}>Alert</th>
                  <th className={head}>Event</th>
                  <th className={head}>Attempts</th>
                  <th className={head}>Delivered</th>
                  <th className={head}>Last error</th>
                  <th className={head}>Next attempt</th>
                </tr>
              </thead>
              <tbody>
                {overview.notifications.map((notification) => (
                  <tr key={notification.id} className="border-t border-slate-100" data-testid="notification-row">
                    <td className={cell}>
                      #{notification.alertId} {notification.rule}
                    </td>
                    <td className={cell}>{notification.event}</td>
                    <td className={cell}>{notification.attempts}</td>
                    <td className={cell}>{notification.deliveredAt ? when(notification.deliveredAt) : "not yet"}</td>
                    <td className={`${cell} max-w-sm break-words text-red-900`}>{notification.lastError ?? ""}</td>
                    <td className={cell}>
                      {notification.deliveredAt ? (
                        "—"
                      ) : notification.attempts >= maxAttempts ? (
                        canManage ? (
                          <ActionForm action={retryNotificationAction} label={`Send notification ${notification.id} again`}>
                            <input type="hidden" name="notificationId" value={notification.id} />
                            <button type="submit" className={button}>
                              Gave up — send again
                            </button>
                          </ActionForm>
                        ) : (
                          "gave up"
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
