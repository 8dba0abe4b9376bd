// How the dispense block reads, on screen (components/dispense-panel.tsx) and on paper
// (components/print/dispense-block.tsx): the same decisions and the same words. The link is
// untrusted text: it becomes a link and a QR code only when ../dispense.ts finds it http(s);
// anything else is shown inert, with a warning, so that a coordinator can report it.
import { checkDispenseUrl, revealInvisible, type DispenseUrlCheck } from "../dispense";
import { dispenseAllowedHosts } from "../env";
import type { RecommendationDto } from "../schemas/consultation";
import { presentText } from "./blank";

/**
 * Longer links make QR codes too dense to scan (on paper at 3.5 cm, and past ~2,300 characters
 * the qrcode package cannot encode them at all); such a link is shown as text only.
 */
export const maxQrUrlLength = 300;

export type DispenseLink =
  | { kind: "missing" }
  /** An http(s) link (normalised), its host on its own; `qr` when it is short enough for a QR code that scans. */
  | { kind: "safe"; url: string; host: string; qr: boolean }
  /** Refused: never a link or a QR code, only the text as received (invisible characters written out) and why. */
  | { kind: "unsafe"; text: string; warning: string; reason: DispenseRefusal; host: string | null };

/** Why a link was refused (its words in English above, and in the "dispense.warnings" messages). */
export type DispenseRefusal = Exclude<DispenseUrlCheck, { ok: true }>["reason"];

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
  userInfo: "Warning: this dispense link has a user name before its host (…@host), a way to disguise where it leads.",
  bidiControl: "Warning: this dispense link contains invisible characters that change the direction of text, a way to disguise where it leads.",
  zeroWidth: "Warning: this dispense link contains invisible (zero-width) characters, a way to disguise where it leads.",
  hostNotAllowed: "Warning: this dispense link leads to a host that is not one of this instance's dispensing hosts (DISPENSE_ALLOWED_HOSTS).",
  host: "Opens",
  unsafeAdvice: "It is not made a link or a QR code. Do not open it; ask Altibbi for a correct link.",
  asReceived: "Link as received:",
} as const;

const warnings: Record<DispenseRefusal, string> = {
  not_http: dispenseWords.unsafe,
  user_info: dispenseWords.userInfo,
  bidi_control: dispenseWords.bidiControl,
  zero_width: dispenseWords.zeroWidth,
  host_not_allowed: dispenseWords.hostNotAllowed,
};

export function presentDispense(dispense: RecommendationDto["dispense"], allowedHosts: readonly string[] = dispenseAllowedHosts): DispensePresentation {
  const url = presentText(dispense?.url);
  const passCode = presentText(dispense?.passCode);
  if (url === null && passCode === null) return { kind: "none" };
  if (url === null) return { kind: "some", passCode, link: { kind: "missing" } };
  const checked = checkDispenseUrl(url, allowedHosts)!;
  const link: DispenseLink = checked.ok
    ? { kind: "safe", url: checked.url, host: checked.host, qr: checked.url.length <= maxQrUrlLength }
    : { kind: "unsafe", text: revealInvisible(url), warning: warnings[checked.reason], reason: checked.reason, host: checked.host };
  return { kind: "some", passCode, link };
}

/** The link a QR code may be made from, or null. */
export const qrUrl = (presentation: DispensePresentation): string | null =>
  presentation.kind === "some" && presentation.link.kind === "safe" && presentation.link.qr ? presentation.link.url : null;
