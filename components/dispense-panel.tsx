import { safeDispenseUrl } from "@/lib/dispense";
import type { RecommendationDto } from "@/lib/schemas/consultation";
import { DispenseQr } from "./dispense-qr";

/**
 * How the member collects the prescription: the pass code, large; the dispense link only when it
 * is http(s) (otherwise inert text and a warning); a QR code made here from that link (the
 * payload's qr_code URL is never loaded); and the printable prescription.
 */
export function DispensePanel({ dispense, printHref }: { dispense: RecommendationDto["dispense"]; printHref: string }) {
  const safe = safeDispenseUrl(dispense?.url);
  return (
    <div className="flex flex-wrap gap-6" data-testid="dispense">
      <div className="min-w-0 flex-1 basis-64 space-y-3">
        <div>
          <p className="text-sm text-slate-600">Pass code</p>
          {dispense?.passCode ? (
            <p className="font-mono text-4xl font-semibold tracking-widest" data-testid="pass-code" dir="ltr">
              {dispense.passCode}
            </p>
          ) : (
            <p className="text-slate-600">none</p>
          )}
        </div>
        <div>
          <p className="text-sm text-slate-600">Dispense link</p>
          {safe ? (
            <a href={safe} target="_blank" rel="noopener noreferrer nofollow" className="break-all text-sky-800 underline" data-testid="dispense-link" dir="ltr">
              {safe}
            </a>
          ) : dispense?.url ? (
            <div className="space-y-1">
              <p className="break-all font-mono text-sm text-slate-800" data-testid="dispense-url-inert" dir="ltr">
                {dispense.url}
              </p>
              <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-950">
                This is not an http(s) link, so it is not linked and no QR code is made from it.
              </p>
            </div>
          ) : (
            <p className="text-slate-600">none</p>
          )}
        </div>
        {/* A full page load, not a client-side navigation: the print page's @page <style> must carry
            the nonce of the document's CSP, and a client-side navigation's payload has another. */}
        <a href={printHref} className="inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700" data-testid="print-link">
          Print prescription
        </a>
      </div>
      <DispenseQr url={safe} size="10rem" className="rounded-md border border-slate-200 bg-white" />
    </div>
  );
}
