import QRCode from "qrcode";
import { safeDispenseUrl } from "@/lib/dispense";

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
  const safe = safeDispenseUrl(url);
  if (!safe) return null;
  const svg = await QRCode.toString(safe, { type: "svg", errorCorrectionLevel: "M", margin: 4 });
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- a data: URL generated on the server; nothing to optimise
    <img
      src={src}
      alt="QR code of the dispense link"
      width={256}
      height={256}
      style={{ width: size, height: size, imageRendering: "pixelated" }}
      className={className}
      data-testid="dispense-qr"
    />
  );
}
