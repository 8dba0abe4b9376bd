import { useTranslations } from "next-intl";

/**
 * Shown on every page, loudly, while webhooks are open to anyone (`next dev` with
 * WEBHOOK_AUTH=none). Otherwise webhooks are always authenticated: by the WEBHOOK_* variables, or
 * by the signing secret Care Desk generated and keeps (lib/webhooks/signing-secret.ts).
 */
export function AuthWarningBanner({ state }: { state: "open" | null }) {
  const t = useTranslations("authWarning");
  if (state === null) return null;
  return (
    <div role="alert" className="border-b-4 border-red-700 bg-red-600" data-testid="auth-warning">
      <p className="mx-auto max-w-7xl px-4 py-3 text-base font-semibold text-white">
        {t.rich("text", {
          variable: () => <code className="font-mono">WEBHOOK_AUTH=none</code>,
          command: () => <code className="font-mono">next dev</code>,
        })}
      </p>
    </div>
  );
}
