// proxy.ts's convenience redirect: a browser asking for a page without any session cookie is
// sent to /sign-in first. Only a convenience: every page checks the session itself.
import { safeNextPath } from "./safe-next-path";

/** better-auth's session cookie names (over http and, with the __Secure- prefix, over https). */
export const sessionCookieNames = ["care-desk.session_token", "__Secure-care-desk.session_token"] as const;

const openPaths = [/^\/sign-in(\/|$)/, /^\/setup(\/|$)/, /^\/api(\/|$)/, /^\/_next\//];
const assetPath = /\.(?:css|js|map|ico|png|jpe?g|gif|svg|webp|avif|woff2?|ttf|txt|xml|json|webmanifest)$/i;

type RequestFacts = { method: string; pathname: string; search: string; accept: string | null; cookieNames: readonly string[] };

/** The `/sign-in?next=…` location to send this request to, or null to let it through. */
export function signInRedirectFor({ method, pathname, search, accept, cookieNames }: RequestFacts): string | null {
  if (method !== "GET" || !accept?.includes("text/html")) return null;
  if (openPaths.some((path) => path.test(pathname)) || assetPath.test(pathname)) return null;
  if (cookieNames.some((name) => (sessionCookieNames as readonly string[]).includes(name))) return null;
  const next = safeNextPath(`${pathname}${search}`, "");
  return next === "" || next === "/" ? "/sign-in" : `/sign-in?next=${encodeURIComponent(next)}`;
}
