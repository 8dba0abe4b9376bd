import { getTranslations } from "next-intl/server";
import QRCode from "qrcode";
import { safeDispenseUrl } from "@/lib/dispense";
import { dispenseAllowedHosts } from "@/lib/env";

type Props = {
  /** The dispense URL from the recommendation (untrusted). */
  url: string | null;
  /** Rendered width; on paper use a physical unit (e.g. "3.5cm") so it scans. */
  size?: string;
  className?: string;
};

/**
 * The dispense QR code, generated here from the dispense URL (never loaded from the payload's
 * qr_code URL), as an inline SVG image. Renders nothing for a URL that is not http(s).
 */
export async function DispenseQr({ url, size = "10rem", className }: Props) {
  const safe = safeDispenseUrl(url, dispenseAllowedHosts);
  if (!safe) return null;
  const t = await getTranslations("dispense");
  let svg: string;
  try {
    svg = await QRCode.toString(safe, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
  } catch {
    // Too much data for any QR code: only the code is left out, never the page.
    return (
      <p className="max-w-48 text-sm text-slate-700" data-testid="dispense-qr-skipped">
        {t("tooLongForQr")}
      </p>
    );
  }
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server; nothing to optimise
    <img
      src={src}
      alt={t("qrAlt")}
      width={256}
      height={256}
      style={{ width: size, height: size, imageRendering: "pixelated" }}
      className={className}
      data-testid="dispense-qr"
    />
  );
}
