import Link from "next/link";

/** The empty state: how to send this instance its first consultation. */
export function WebhookSetup({ webhookUrl, authConfigured }: { webhookUrl: string; authConfigured: boolean }) {
  return (
    <section aria-labelledby="setup-heading" className="space-y-4 rounded-lg border border-dashed border-slate-300 bg-white p-6" data-testid="empty-state">
      <h2 id="setup-heading" className="text-lg font-semibold">
        No consultation yet
      </h2>
      <p className="max-w-prose text-slate-700">
        Consultations appear here as soon as Altibbi sends its webhooks. In Altibbi&apos;s partner settings, set the webhook URL for both
        event types (<code className="font-mono text-sm">status_update</code> and <code className="font-mono text-sm">recommendation_data</code>) to:
      </p>
      <p>
        <code className="block overflow-x-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-sm text-white" data-testid="webhook-url">
          {webhookUrl}
        </code>
      </p>
      <ol className="max-w-prose list-decimal space-y-1 pl-5 text-slate-700">
        <li>
          {authConfigured ? (
            <>
              Give Altibbi the credentials this instance is configured with: a Standard Webhooks signing secret (
              <code className="font-mono text-sm">WEBHOOK_SIGNING_SECRETS</code>), a bearer token (
              <code className="font-mono text-sm">WEBHOOK_BEARER_TOKEN</code>) or HTTP Basic credentials (
              <code className="font-mono text-sm">WEBHOOK_BASIC_AUTH</code>).
            </>
          ) : (
            <>
              Give Altibbi the Standard Webhooks signing secret this instance generated for itself, shown under{" "}
              <Link href="/admin/settings" prefetch={false} className="text-sky-800 underline">
                Settings
              </Link>{" "}
              (or set <code className="font-mono text-sm">WEBHOOK_SIGNING_SECRETS</code>, <code className="font-mono text-sm">WEBHOOK_BEARER_TOKEN</code> or{" "}
              <code className="font-mono text-sm">WEBHOOK_BASIC_AUTH</code> instead).
            </>
          )}
        </li>
        <li>Send a test event from Altibbi, or post one of the sample payloads (see the README, &ldquo;Sending a test webhook&rdquo;).</li>
        <li>
          Every request, accepted or not, is listed under <Link href="/deliveries" prefetch={false} className="text-sky-800 underline">Webhook deliveries</Link>.
        </li>
      </ol>
    </section>
  );
}
