// How the dispense block reads, on screen (components/dispense-panel.tsx) and on paper
// (components/print/dispense-block.tsx): the same decisions and the same words. The link is
// untrusted text: it becomes a link and a QR code only when ../dispense.ts finds it http(s);
// anything else is shown inert, with a warning, so that a coordinator can report it.
import { safeDispenseUrl } from "../dispense";
import type { RecommendationDto } from "../schemas/consultation";
import { presentText } from "./blank";

/**
 * Longer links make QR codes too dense to scan (on paper at 3.5 cm, and past ~2,300 characters
 * the qrcode package cannot encode them at all); such a link is shown as text only.
 */
export const maxQrUrlLength = 300;

export type DispenseLink =
  | { kind: "missing" }
  /** An http(s) link; `qr` when it is short enough for a QR code that scans. */
  | { kind: "safe"; url: string; qr: boolean }
  /** Not http(s): never a link or a QR code, only the text as received. */
  | { kind: "unsafe"; text: string };

export type DispensePresentation = { kind: "none" } | { kind: "some"; passCode: string | null; link: DispenseLink };

export const dispenseWords = {
  heading: "Dispensing",
  passCode: "Pass code",
  link: "Dispense link",
  none: "No dispense link or pass code came with this recommendation.",
  noPassCode: "No pass code came with this recommendation.",
  noLink: "No dispense link came with this recommendation.",
  scan: "Scan the code, or open the link and enter the pass code.",
  tooLongForQr: "This link is too long for a QR code that scans: the pharmacy opens it as written.",
  unsafe: "Warning: this dispense link is not a web (http or https) address.",
  unsafeAdvice: "It is not made a link or a QR code. Do not open it; ask Altibbi for a correct link.",
  asReceived: "Link as received:",
} as const;

export function presentDispense(dispense: RecommendationDto["dispense"]): DispensePresentation {
  const url = presentText(dispense?.url);
  const passCode = presentText(dispense?.passCode);
  if (url === null && passCode === null) return { kind: "none" };
  const safe = safeDispenseUrl(url);
  const link: DispenseLink =
    url === null ? { kind: "missing" } : safe === null ? { kind: "unsafe", text: url } : { kind: "safe", url: safe, qr: safe.length <= maxQrUrlLength };
  return { kind: "some", passCode, link };
}

/** The link a QR code may be made from, or null. */
export const qrUrl = (presentation: DispensePresentation): string | null =>
  presentation.kind === "some" && presentation.link.kind === "safe" && presentation.link.qr ? presentation.link.url : null;
