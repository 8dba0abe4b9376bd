import { DispenseLinkText, NoDispense, PassCode } from "@/components/dispense-parts";
import { DispenseQr } from "@/components/dispense-qr";
import { getTranslations } from "next-intl/server";
import { presentDispense, qrUrl } from "@/lib/present/dispense";
import type { RecommendationDto } from "@/lib/schemas/consultation";

/** On paper, 3.5 cm: comfortably above the 3 cm a phone needs to scan a printed code. */
const qrSize = "3.5cm";

type Props = { dispense: RecommendationDto["dispense"] };

/**
 * The pharmacist's way in: the QR code, the pass code in large digits, and the link as text. In
 * a right-to-left page the QR code stands at the start (the right) and the words beside it; the
 * pass code and the link stay left to right (dir="ltr" in dispense-parts).
 */
export async function DispenseBlock({ dispense }: Props) {
  const t = await getTranslations("dispense");
  const presentation = presentDispense(dispense);
  const qr = qrUrl(presentation);
  const heading = (
    <h2 id="dispense-heading" className="mb-[0.5em] text-[0.8em] font-semibold uppercase tracking-wide text-slate-700">
      {t("heading")}
    </h2>
  );

  return (
    <section aria-labelledby="dispense-heading" className="break-inside-avoid rounded-md border border-slate-400 p-[0.9em]" data-testid="dispense">
      {presentation.kind === "none" ? (
        <>
          {heading}
          <NoDispense />
        </>
      ) : (
        <>
          <div className="flex items-start gap-[1.2em]">
            {qr !== null ? (
              <div className="shrink-0">
                <DispenseQr url={qr} size={qrSize} />
              </div>
            ) : null}
            <div className="min-w-0">
              {heading}
              <p className="text-[0.8em] uppercase tracking-wide text-slate-700">{t("passCode")}</p>
              <PassCode passCode={presentation.passCode} medium="paper" />
              {qr !== null ? <p className="mt-[0.4em] text-[0.85em] text-slate-700">{t("scan")}</p> : null}
            </div>
          </div>
          <div className="mt-[0.6em]">
            {presentation.link.kind === "safe" ? <p className="text-[0.8em] uppercase tracking-wide text-slate-700">{t("link")}</p> : null}
            <DispenseLinkText link={presentation.link} medium="paper" />
          </div>
        </>
      )}
    </section>
  );
}
