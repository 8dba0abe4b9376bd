"use client";
import Link from "next/link";
import { useEffect } from "react";
import type { RouteErrorSubject } from "@/lib/i18n/client-text";
import { fillSlot, useClientText } from "./client-text";

/**
 * What an error.tsx shows: a calm message, a retry, and a way out. Never the error's details.
 * `what`: a subject of the catalogue; a page not yet translated may still pass its English words.
 * The words come formatted from the server (components/client-text.tsx).
 */
export function RouteError({ error, retry, what }: { error: unknown; retry: () => void; what: RouteErrorSubject | (string & {}) }) {
  const t = useClientText().routeError;
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  const title = Object.hasOwn(t.titles, what) ? t.titles[what as RouteErrorSubject] : fillSlot(t.title, "what", what);
  return (
    <section role="alert" aria-labelledby="error-heading" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-6 text-red-950">
      <h1 id="error-heading" className="text-xl font-semibold">
        {title}
      </h1>
      <p>{t.text}</p>
      {digest ? <p className="text-sm text-red-900">{fillSlot(t.reference, "digest", digest)}</p> : null}
      <div className="flex gap-3">
        <button type="button" onClick={() => retry()} className="rounded-md bg-red-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-red-800">
          {t.retry}
        </button>
        <Link href="/consultations" className="rounded-md px-3 py-1.5 text-sm text-red-950 underline">
          {t.home}
        </Link>
      </div>
    </section>
  );
}
