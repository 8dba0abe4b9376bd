// The headers proxy.ts adds to every response it handles (pages, route handlers, its own 421
// and redirects). next.config.ts sends the static ones on the assets proxy.ts does not see.
export type SecurityHeaderOptions = { contentSecurityPolicy: string; https: boolean; pathname: string };

/** Two years, the value browsers' preload lists ask for; preload itself is the operator's call. */
export const strictTransportSecurity = "max-age=63072000; includeSubDomains";

/** Pages and API routes that carry medical data: never stored by a browser or a shared cache. */
export const isMedicalPath = (pathname: string) => /^\/(api\/)?(consultations|deliveries)(\/|$)/.test(pathname);

export function applySecurityHeaders(headers: Headers, { contentSecurityPolicy, https, pathname }: SecurityHeaderOptions): void {
  headers.set("Content-Security-Policy", contentSecurityPolicy);
  if (https) headers.set("Strict-Transport-Security", strictTransportSecurity);
  headers.set("Cross-Origin-Opener-Policy", "same-origin");
  headers.set("X-Content-Type-Options", "nosniff");
  headers.set("Referrer-Policy", "no-referrer");
  headers.set("X-Robots-Tag", "noindex, nofollow");
  if (isMedicalPath(pathname)) headers.set("Cache-Control", "no-store");
}
