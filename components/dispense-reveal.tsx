"use client";
// The masked dispense block's Reveal button: asks the server (a recorded server action) for the
// pass code, link and QR code, and shows what it sends. Nothing of them is in the page before.
import { useTranslations } from "next-intl";
import { useState, useTransition, type ReactNode } from "react";

/** The Reveal server action's answer: the rendered block, or why not (refused, or the audit trail is down). */
export type RevealAnswer = { ok: true; node: ReactNode } | { ok: false; message: string };
export type RevealDispense = (consultationId: number, version: number) => Promise<RevealAnswer>;

/**
 * `reveal`: the Reveal server action, called with the consultation and version. It comes unbound:
 * a bound server action's arguments are encoded asynchronously, so server-side rendering would
 * suspend on it and stream the block as a separate segment on every page view.
 */
export function DispenseReveal({ reveal, consultationId, version, masked }: { reveal: RevealDispense; consultationId: number; version: number; masked: ReactNode }) {
  const t = useTranslations("dispenseReveal");
  const [revealed, setRevealed] = useState<ReactNode | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (revealed !== null) return revealed;
  return (
    <div className="space-y-2">
      {masked}
      <button
        type="button"
        disabled={pending}
        className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium hover:bg-slate-50 disabled:opacity-60"
        data-testid="reveal-dispense"
        onClick={() =>
          startTransition(async () => {
            try {
              const answer = await reveal(consultationId, version);
              if (answer.ok) setRevealed(answer.node);
              else setMessage(answer.message);
            } catch {
              setMessage(t("failed"));
            }
          })
        }
      >
        {pending ? t("revealing") : t("reveal")}
      </button>
      <p role="status" className="text-sm text-red-800" data-testid="reveal-message">
        {message ?? ""}
      </p>
    </div>
  );
}
