/**
 * Shown on every page while webhooks are not authenticated: loudly when they are open to anyone
 * (`next dev` with WEBHOOK_AUTH=none), and while every webhook is refused for want of a method.
 */
export function AuthWarningBanner({ state }: { state: "open" | "unconfigured" | null }) {
  if (state === null) return null;
  if (state === "open") {
    return (
      <div role="alert" className="border-b-4 border-red-700 bg-red-600" data-testid="auth-warning">
        <p className="mx-auto max-w-7xl px-4 py-3 text-base font-semibold text-white">
          ⚠ Webhooks are NOT authenticated: anyone who can reach this instance can post consultations to it (
          <code className="font-mono">WEBHOOK_AUTH=none</code> under <code className="font-mono">next dev</code>). Development only.
        </p>
      </div>
    );
  }
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50" data-testid="auth-warning">
      <p className="mx-auto max-w-7xl px-4 py-2 text-sm text-amber-950">
        <strong className="font-semibold">Webhook authentication is not configured.</strong> Every webhook is refused until it is. Set{" "}
        <code className="font-mono">WEBHOOK_SIGNING_SECRETS</code>, <code className="font-mono">WEBHOOK_BEARER_TOKEN</code> or{" "}
        <code className="font-mono">WEBHOOK_BASIC_AUTH</code> (see the README).
      </p>
    </div>
  );
}
