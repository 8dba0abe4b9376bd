import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { presentDispense, qrUrl, type DispensePresentation } from "@/lib/present/dispense";
import type { RecommendationDto } from "@/lib/schemas/consultation";
import { ClientMessages } from "./client-messages";
import { DispenseLinkText, NoDispense, PassCode } from "./dispense-parts";
import { DispenseQr } from "./dispense-qr";
import { DispenseReveal, type RevealDispense } from "./dispense-reveal";

/** What stands for the pass code and the link until Reveal: the same words, no value. */
export const dispenseMask = "••••";

/**
 * The pass code, large; the dispense link only when it is http(s) (otherwise inert text and a
 * warning); a QR code made here from that link (the payload's qr_code URL is never loaded). What
 * the Reveal server action sends to the screen, once the reveal is recorded.
 */
export function DispenseDetails({ presentation }: { presentation: Extract<DispensePresentation, { kind: "some" }> }) {
  const t = useTranslations("dispense");
  return (
    <div className="flex flex-wrap gap-6" data-testid="dispense-revealed">
      <div className="min-w-0 flex-1 basis-64 space-y-3">
        <div>
          <p className="text-sm text-slate-600">{t("passCode")}</p>
          <PassCode passCode={presentation.passCode} medium="screen" />
        </div>
        <div>
          <p className="text-sm text-slate-600">{t("link")}</p>
          <DispenseLinkText link={presentation.link} medium="screen" />
        </div>
      </div>
      <DispenseQr url={qrUrl(presentation)} size="10rem" className="rounded-md border border-slate-200 bg-white" />
    </div>
  );
}

function Masked() {
  const t = useTranslations("dispense");
  const words = useTranslations("recommendation");
  return (
    <div className="space-y-3" data-testid="dispense-masked">
      <div>
        <p className="text-sm text-slate-600">{t("passCode")}</p>
        <p className="font-mono text-4xl font-semibold tracking-widest text-slate-400" data-testid="pass-code-masked" aria-label={words("passCodeHidden")}>
          {dispenseMask}
        </p>
      </div>
      <div>
        <p className="text-sm text-slate-600">{t("link")}</p>
        <p className="font-mono text-slate-400" data-testid="dispense-link-masked" aria-label={words("linkHidden")}>
          {dispenseMask}
        </p>
      </div>
    </div>
  );
}

/**
 * How the member collects the prescription. The pass code, the link and its QR code are masked
 * until the coordinator presses Reveal (a recorded server action that sends them); the printable
 * prescription shows them, and opening it is recorded too.
 */
export function DispensePanel({
  dispense,
  printHref,
  reveal,
  consultationId,
  version,
}: {
  dispense: RecommendationDto["dispense"];
  printHref: string;
  /** The Reveal server action, and what it reveals: this consultation's recommendation version. */
  reveal: RevealDispense;
  consultationId: number;
  version: number;
}): ReactNode {
  const t = useTranslations("recommendation");
  const presentation = presentDispense(dispense);
  return (
    <div className="space-y-3" data-testid="dispense">
      {presentation.kind === "none" ? <NoDispense /> : (
        <ClientMessages namespaces={["dispenseReveal"]}>
          <DispenseReveal reveal={reveal} consultationId={consultationId} version={version} masked={<Masked />} />
        </ClientMessages>
      )}
      {/* A full page load, not a client-side navigation: the print page's @page <style> must carry
          the nonce of the document's CSP, and a client-side navigation's payload has another. */}
      <a href={printHref} className="inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700" data-testid="print-link">
        {t("printPrescription")}
      </a>
    </div>
  );
}
