"use client";
// The webhook secret on /admin/settings: masked until asked for, then shown and copied. The whole
// secret never reaches the page until Reveal or Copy asks the server for it.
import { useTranslations } from "next-intl";
import { useState } from "react";

/** `reveal` answers null when the server refuses (signed out, or no longer an admin). */
export function SecretReveal({ masked, reveal }: { masked: string; reveal: () => Promise<string | null> }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [refused, setRefused] = useState(false);
  const t = useTranslations("secretReveal");
  const fetchSecret = async (): Promise<string | null> => {
    if (secret !== null) return secret;
    const value = await reveal();
    setRefused(value === null);
    setSecret(value);
    return value;
  };
  return (
    <div className="space-y-2">
      <code className="block overflow-x-auto rounded-md bg-slate-900 px-4 py-3 font-mono text-sm break-all text-white" data-testid="webhook-secret" dir="ltr">
        {secret ?? masked}
      </code>
      <div className="flex gap-2">
        <button
          type="button"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          onClick={() => (secret ? setSecret(null) : void fetchSecret())}
        >
          {secret ? t("hide") : t("reveal")}
        </button>
        <button
          type="button"
          className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50"
          onClick={async () => {
            const value = await fetchSecret();
            if (value === null) return;
            await navigator.clipboard.writeText(value);
            setCopied(true);
          }}
        >
          {t("copy")}
        </button>
        <span role="status" className="self-center text-sm text-slate-600">
          {refused ? t("refused") : copied ? t("copied") : ""}
        </span>
      </div>
    </div>
  );
}
