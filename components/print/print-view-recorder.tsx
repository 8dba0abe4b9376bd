"use client";

import { useEffect, useRef } from "react";
import type { PrintViewInput } from "@/lib/schemas/print-view";

type Props = PrintViewInput & {
  /** The server action that stores the view. */
  record: (view: PrintViewInput) => Promise<{ recorded: boolean }>;
};

/**
 * Records that the print page was opened in a browser. It runs after the page has mounted, so
 * server renders that nobody sees (a <Link prefetch>, a crawler, an HTML-only fetch) record
 * nothing. It records once per consultation and recommendation version while it stays mounted.
 */
export function PrintViewRecorder({ record, consultationId, recommendationId, paperSize }: Props) {
  const recordedFor = useRef<string | null>(null);
  useEffect(() => {
    // Keyed without the paper size: choosing another size is the same view.
    const key = `${consultationId}:${recommendationId ?? "none"}`;
    if (recordedFor.current === key) return;
    recordedFor.current = key;
    record({ consultationId, recommendationId, paperSize }).catch((error: unknown) => {
      // Printing must not depend on the audit trail; the server has logged the cause.
      console.error("Care Desk: this print view could not be recorded", error);
    });
  }, [record, consultationId, recommendationId, paperSize]);
  return null;
}
