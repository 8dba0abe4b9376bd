"use client";
import Link from "next/link";
import { useEffect } from "react";

/** What an error.tsx shows: a calm message, a retry, and a way out. Never the error's details. */
export function RouteError({ error, retry, what }: { error: unknown; retry: () => void; what: string }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  const digest = error instanceof Error && "digest" in error ? String((error as Error & { digest?: string }).digest ?? "") : "";
  return (
    <section role="alert" aria-labelledby="error-heading" className="space-y-3 rounded-lg border border-red-200 bg-red-50 p-6 text-red-950">
      <h1 id="error-heading" className="text-xl font-semibold">
        {what} could not be loaded
      </h1>
      <p>Something went wrong on our side. Your filters are kept in the address bar: trying again is safe.</p>
      {digest ? <p className="text-sm text-red-900">Reference for the logs: {digest}</p> : null}
      <div className="flex gap-3">
        <button type="button" onClick={() => retry()} className="rounded-md bg-red-900 px-4 py-1.5 text-sm font-medium text-white hover:bg-red-800">
          Try again
        </button>
        <Link href="/consultations" className="rounded-md px-3 py-1.5 text-sm text-red-950 underline">
          Go to consultations
        </Link>
      </div>
    </section>
  );
}
