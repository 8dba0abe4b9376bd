"use client";
import { fillSlot, useClientText } from "@/components/client-text";

/** Shown when the prescription cannot be read; the server log has the cause, under the digest. */
export default function PrescriptionError({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useClientText().printError;
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <section role="alert" aria-labelledby="print-error-heading" className="mx-auto max-w-xl space-y-3 py-8">
      <h1 id="print-error-heading" className="text-2xl font-semibold">
        {t.title}
      </h1>
      <p>{t.text}</p>
      {digest ? <p className="text-sm text-slate-700">{fillSlot(t.reference, "digest", digest)}</p> : null}
      <button
        type="button"
        onClick={() => retry()}
        className="rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700"
      >
        {t.retry}
      </button>
    </section>
  );
}
