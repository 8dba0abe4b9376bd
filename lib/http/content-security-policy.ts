// The Content-Security-Policy proxy.ts sends with every response: scripts only from this
// origin with this request's nonce ('strict-dynamic' lets Next's nonced loader pull in its
// chunks), nothing framed, no plugins, no <base>, forms only to this origin.
import { createHash } from "node:crypto";

export const nonceHeader = "x-nonce";

export type CspOptions = {
  nonce: string;
  /** `next dev`: React's dev build uses eval, and dev styles are injected without a nonce. */
  development: boolean;
  /** Served over https: ask browsers to upgrade any http sub-resource. */
  https: boolean;
  /** Inline styles allowed by their content too ('sha256-…' sources): the print page's @page rule. */
  inlineStyles?: readonly string[];
};

/** A fresh, unguessable nonce (128 random bits, base64). */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** The CSP source that allows exactly this inline style text: 'sha256-<base64 of its SHA-256>'. */
export function styleHashSource(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

export function buildContentSecurityPolicy({ nonce, development, https, inlineStyles = [] }: CspOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    ["style-src", "'self'", ...(development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`, ...inlineStyles.map(styleHashSource)])],
    // style="" attributes cannot carry a nonce (React's style prop: the QR code's size); they
    // cannot run script either.
    ["style-src-attr", "'unsafe-inline'"],
    // The dispense QR code is an inline data: SVG image.
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    // react-query's live refresh and server actions call this origin only.
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'none'"],
    ["frame-ancestors", "'none'"],
    ["form-action", "'self'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}
