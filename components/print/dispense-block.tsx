import { DispenseQr } from "@/components/dispense-qr";
import { safeDispenseUrl } from "@/lib/dispense";
import type { RecommendationDto } from "@/lib/schemas/consultation";
import { presentText } from "./drug-line";

/**
 * Longer links make QR codes too dense to scan at this size on paper (and past ~2,300 characters
 * the qrcode package cannot encode them at all); such a link is printed as text only.
 */
const maxQrUrlLength = 300;

/** On paper, 3.5 cm: comfortably above the 3 cm a phone needs to scan a printed code. */
const qrSize = "3.5cm";

type Props = { dispense: RecommendationDto["dispense"] };

/** The pharmacist's way in: the QR code, the pass code in large digits, and the link as text. */
export async function DispenseBlock({ dispense }: Props) {
  const url = presentText(dispense?.url);
  const passCode = presentText(dispense?.passCode);
  const safeUrl = safeDispenseUrl(url);
  const printsQr = safeUrl !== null && safeUrl.length <= maxQrUrlLength;
  const heading = (
    <h2 id="dispense-heading" className="mb-[0.5em] text-[0.8em] font-semibold uppercase tracking-wide text-slate-700">
      Dispensing
    </h2>
  );

  return (
    <section aria-labelledby="dispense-heading" className="break-inside-avoid rounded-md border border-slate-400 p-[0.9em]" data-testid="dispense">
      {url === null && passCode === null ? (
        <>
          {heading}
          <p data-testid="no-dispense">No dispense link or pass code came with this recommendation.</p>
        </>
      ) : (
        <>
          <div className="flex items-start gap-[1.2em]">
            {printsQr ? (
              <div className="shrink-0">
                <DispenseQr url={safeUrl} size={qrSize} />
              </div>
            ) : null}
            <div className="min-w-0">
              {heading}
              <p className="text-[0.8em] uppercase tracking-wide text-slate-700">Pass code</p>
              {passCode !== null ? (
                <p className="font-mono text-[2.4em] font-bold leading-tight" data-testid="pass-code">
                  {passCode}
                </p>
              ) : (
                <p data-testid="no-pass-code">No pass code came with this recommendation.</p>
              )}
              {printsQr ? (
                <p className="mt-[0.4em] text-[0.85em] text-slate-700">Scan the code, or open the link below and enter the pass code.</p>
              ) : null}
            </div>
          </div>
          <DispenseLink url={url} safeUrl={safeUrl} printsQr={printsQr} />
        </>
      )}
    </section>
  );
}

function DispenseLink({ url, safeUrl, printsQr }: { url: string | null; safeUrl: string | null; printsQr: boolean }) {
  if (url === null) {
    return (
      <p className="mt-[0.6em]" data-testid="no-dispense-url">
        No dispense link came with this recommendation.
      </p>
    );
  }
  if (safeUrl === null) {
    // Never a link or a QR code: the text is shown inert so that a coordinator can report it.
    return (
      <div role="alert" className="mt-[0.6em] rounded border-2 border-red-700 p-[0.6em] text-red-900" data-testid="unsafe-dispense-url">
        <p className="font-bold">Warning: this dispense link is not a web (http or https) address.</p>
        <p>It is not printed as a QR code or a link. Do not open it; ask Altibbi for a correct link.</p>
        <p className="mt-[0.3em]">
          Link as received: <code className="break-all font-mono text-[0.85em]">{url}</code>
        </p>
      </div>
    );
  }
  return (
    <div className="mt-[0.6em]">
      {printsQr ? null : (
        <p className="text-[0.85em] text-slate-700">This link is too long for a QR code that scans on paper: the pharmacy opens it as written.</p>
      )}
      <p className="text-[0.8em] uppercase tracking-wide text-slate-700">Dispense link</p>
      <a href={safeUrl} className="break-all font-mono text-[0.85em] text-slate-900 underline-offset-2" data-testid="dispense-url">
        {safeUrl}
      </a>
    </div>
  );
}
