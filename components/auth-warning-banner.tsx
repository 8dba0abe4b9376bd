/** Shown on every page while webhooks are not authenticated. */
export function AuthWarningBanner({ configured, production }: { configured: boolean; production: boolean }) {
  if (configured) return null;
  return (
    <div role="alert" className="border-b border-amber-300 bg-amber-50" data-testid="auth-warning">
      <p className="mx-auto max-w-7xl px-4 py-2 text-sm text-amber-950">
        <strong className="font-semibold">Webhook authentication is not configured.</strong>{" "}
        {production
          ? "Every webhook is refused until it is."
          : "Anyone who can reach this instance can post consultations to it."}{" "}
        Set <code className="font-mono">WEBHOOK_SIGNING_SECRETS</code>, <code className="font-mono">WEBHOOK_BEARER_TOKEN</code> or{" "}
        <code className="font-mono">WEBHOOK_BASIC_AUTH</code> (see the README).
      </p>
    </div>
  );
}
