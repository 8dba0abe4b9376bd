import { presentDispense, qrUrl, dispenseWords } from "@/lib/present/dispense";
import type { RecommendationDto } from "@/lib/schemas/consultation";
import { DispenseLinkText, NoDispense, PassCode } from "./dispense-parts";
import { DispenseQr } from "./dispense-qr";

/**
 * How the member collects the prescription: the pass code, large; the dispense link only when it
 * is http(s) (otherwise inert text and a warning); a QR code made here from that link (the
 * payload's qr_code URL is never loaded); and the printable prescription.
 */
export function DispensePanel({ dispense, printHref }: { dispense: RecommendationDto["dispense"]; printHref: string }) {
  const presentation = presentDispense(dispense);
  return (
    <div className="flex flex-wrap gap-6" data-testid="dispense">
      <div className="min-w-0 flex-1 basis-64 space-y-3">
        {presentation.kind === "none" ? (
          <NoDispense />
        ) : (
          <>
            <div>
              <p className="text-sm text-slate-600">{dispenseWords.passCode}</p>
              <PassCode passCode={presentation.passCode} medium="screen" />
            </div>
            <div>
              <p className="text-sm text-slate-600">{dispenseWords.link}</p>
              <DispenseLinkText link={presentation.link} medium="screen" />
            </div>
          </>
        )}
        {/* A full page load, not a client-side navigation: the print page's @page <style> must carry
            the nonce of the document's CSP, and a client-side navigation's payload has another. */}
        <a href={printHref} className="inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700" data-testid="print-link">
          Print prescription
        </a>
      </div>
      <DispenseQr url={qrUrl(presentation)} size="10rem" className="rounded-md border border-slate-200 bg-white" />
    </div>
  );
}
