"use client";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { confirmTwoFactorAction, startTwoFactorAction, type EnrolmentState, type TwoFactorState } from "@/app/account/two-factor-actions";
import { FormMessage } from "./action-form";
import { TwoFactorDisableForm } from "./two-factor-disable-form";

const field = "mt-1 block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-slate-900";
const button = "rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-800 disabled:opacity-60";

/**
 * Two-factor at /account. Turning it on: password → QR code, secret and backup codes (shown this
 * once, before the first code, so they are seen whatever happens next) → first code → on.
 */
export function TwoFactorSettings({ enabled }: { enabled: boolean }) {
  const [started, start, starting] = useActionState<EnrolmentState, FormData>(startTwoFactorAction, null);
  const [confirmed, confirm, confirming] = useActionState<TwoFactorState, FormData>(confirmTwoFactorAction, null);
  const t = useTranslations("twoFactor");
  const fields = useTranslations("forms");

  if (confirmed?.ok || (enabled && !started?.ok)) {
    return (
      <div className="space-y-3">
        {confirmed?.ok ? (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-950">
            {confirmed.message}
          </p>
        ) : null}
        <p className="text-sm text-slate-800" data-testid="two-factor-status">
          {t("on")}
        </p>
        <TwoFactorDisableForm />
      </div>
    );
  }

  if (!started?.ok) {
    return (
      <form action={start} className="max-w-sm space-y-3" aria-label={t("setUpForm")}>
        <p className="text-sm text-slate-800" data-testid="two-factor-status">
          {t("off")}
        </p>
        <label className="block text-sm font-medium text-slate-800">
          {fields("password")}
          <input name="password" type="password" autoComplete="current-password" required className={field} />
        </label>
        {/* Only failures: a success moves on to the next step. */}
        <FormMessage state={started?.ok ? null : started} />
        <button type="submit" disabled={starting} className={button}>
          {t("setUp")}
        </button>
      </form>
    );
  }

  const { enrolment } = started;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-800">{t("scan")}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server; nothing to optimise */}
      <img src={enrolment.qrCode} alt={t("qrAlt")} width={192} height={192} style={{ imageRendering: "pixelated" }} data-testid="two-factor-qr" />
      <p className="text-sm text-slate-800">
        {t("secret")}{" "}
        <code className="font-mono break-all select-all" data-testid="two-factor-secret" dir="ltr">
          {enrolment.secret}
        </code>
      </p>
      <div className="space-y-2" data-testid="backup-codes">
        <p className="text-sm text-slate-800">
          {t("backupCodes")}
        </p>
        <ul className="grid max-w-sm grid-cols-2 gap-1 font-mono text-sm" dir="ltr">
          {enrolment.backupCodes.map((code) => (
            <li key={code} className="rounded bg-slate-100 px-2 py-1 select-all">
              {code}
            </li>
          ))}
        </ul>
      </div>
      <form action={confirm} className="max-w-sm space-y-3" aria-label={t("confirmForm")}>
        <label className="block text-sm font-medium text-slate-800">
          {t("code")}
          <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" required className={field} />
        </label>
        <FormMessage state={confirmed?.ok ? null : confirmed} />
        <button type="submit" disabled={confirming} className={button}>
          {t("turnOn")}
        </button>
      </form>
    </div>
  );
}
