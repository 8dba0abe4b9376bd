// Runs before every page and route handler (Next 16's proxy, formerly middleware), in this
// order: the Host allowlist (421), the convenience redirect to /sign-in, then the security
// headers with a fresh CSP nonce (lib/http/response-security.ts, shared with the webhook receiver
// in front of Next.js). Access control proper lives in each page and route.
import { NextResponse, type NextRequest } from "next/server";
import { nonceHeader } from "@/lib/http/content-security-policy";
import { clientIpFrom, clientIpHeader, isFromTrustedProxy } from "@/lib/http/client-ip";
import { peerAddressFrom } from "@/lib/http/peer-address";
import { misdirectedAnswer, responseSecurityFor } from "@/lib/http/response-security";
import { signInRedirectFor } from "@/lib/http/sign-in-redirect";

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const { nonce, contentSecurityPolicy, secure } = responseSecurityFor(pathname, request.nextUrl.searchParams);

  const misdirected = misdirectedAnswer(request.headers, pathname);
  if (misdirected) return secure(misdirected);

  const signIn = signInRedirectFor({
    method: request.method,
    pathname,
    search,
    accept: request.headers.get("accept"),
    cookieNames: request.cookies.getAll().map((cookie) => cookie.name),
  });
  if (signIn) {
    const location = request.nextUrl.clone();
    const target = new URL(signIn, location);
    location.pathname = target.pathname;
    location.search = target.search;
    return secure(NextResponse.redirect(location, 307));
  }

  // Next.js reads the nonce from the request's CSP header and puts it on its own scripts.
  const requestHeaders = new Headers(request.headers);
  if (!isFromTrustedProxy(request.headers)) replaceForwardedHeaders(requestHeaders);
  requestHeaders.set(clientIpHeader, clientIpFrom(request.headers));
  requestHeaders.set(nonceHeader, nonce);
  requestHeaders.set("Content-Security-Policy", contentSecurityPolicy);
  return secure(NextResponse.next({ request: { headers: requestHeaders } }));
}

/**
 * Without a trusted proxy, X-Forwarded-* can only be the client's own words (Next.js keeps a
 * client-sent X-Forwarded-For instead of the socket's address): the app and Next.js itself see
 * the plain facts instead.
 */
function replaceForwardedHeaders(headers: Headers) {
  const peer = peerAddressFrom(headers);
  if (peer) headers.set("x-forwarded-for", peer);
  else headers.delete("x-forwarded-for");
  const host = headers.get("host");
  if (host) headers.set("x-forwarded-host", host);
  else headers.delete("x-forwarded-host");
  headers.set("x-forwarded-proto", "http");
}

export const config = {
  // Not the build's static files or public/ (robots.txt, icons): they carry no data and their
  // headers come from next.config.ts. Prefetches are not excluded: they carry page data.
  matcher: ["/((?!_next/static/|_next/image|favicon\\.ico$|icon\\.svg$|robots\\.txt$).*)"],
};
