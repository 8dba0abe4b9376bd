"use client";
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

  if (confirmed?.ok || (enabled && !started?.ok)) {
    return (
      <div className="space-y-3">
        {confirmed?.ok ? (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-2 text-sm text-emerald-950">
            {confirmed.message}
          </p>
        ) : null}
        <p className="text-sm text-slate-800" data-testid="two-factor-status">
          Two-factor sign-in is on: sign-in asks for a code from your authenticator app (or a backup code) after your password.
        </p>
        <TwoFactorDisableForm />
      </div>
    );
  }

  if (!started?.ok) {
    return (
      <form action={start} className="max-w-sm space-y-3" aria-label="Set up two-factor sign-in">
        <p className="text-sm text-slate-800" data-testid="two-factor-status">
          Two-factor sign-in is off. Turn it on to be asked for a code from an authenticator app after your password.
        </p>
        <label className="block text-sm font-medium text-slate-800">
          Password
          <input name="password" type="password" autoComplete="current-password" required className={field} />
        </label>
        {/* Only failures: a success moves on to the next step. */}
        <FormMessage state={started?.ok ? null : started} />
        <button type="submit" disabled={starting} className={button}>
          Set up two-factor sign-in
        </button>
      </form>
    );
  }

  const { enrolment } = started;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-800">1. Scan this QR code with an authenticator app, or enter the secret by hand.</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server; nothing to optimise */}
      <img src={enrolment.qrCode} alt="QR code for your authenticator app" width={192} height={192} style={{ imageRendering: "pixelated" }} data-testid="two-factor-qr" />
      <p className="text-sm text-slate-800">
        Secret:{" "}
        <code className="font-mono break-all select-all" data-testid="two-factor-secret">
          {enrolment.secret}
        </code>
      </p>
      <div className="space-y-2" data-testid="backup-codes">
        <p className="text-sm text-slate-800">
          2. Keep these backup codes somewhere safe: each works once, when your phone is not at hand. They are not shown again.
        </p>
        <ul className="grid max-w-sm grid-cols-2 gap-1 font-mono text-sm">
          {enrolment.backupCodes.map((code) => (
            <li key={code} className="rounded bg-slate-100 px-2 py-1 select-all">
              {code}
            </li>
          ))}
        </ul>
      </div>
      <form action={confirm} className="max-w-sm space-y-3" aria-label="Confirm two-factor sign-in">
        <label className="block text-sm font-medium text-slate-800">
          3. Code from the app
          <input name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" required className={field} />
        </label>
        <FormMessage state={confirmed?.ok ? null : confirmed} />
        <button type="submit" disabled={confirming} className={button}>
          Turn on two-factor sign-in
        </button>
      </form>
    </div>
  );
}
