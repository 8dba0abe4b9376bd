// The 421 answer to a request for a Host this instance does not serve, naming the variable to set.
import { errorResponse } from "../http-errors";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

export function misdirectedMessage(host: string | null): string {
  const shown = host ? `"${host.slice(0, 255)}"` : "an empty Host";
  return `This Care Desk does not answer to ${shown}. If that is its address, set CARE_DESK_PUBLIC_URL to it (or add the host to CARE_DESK_ALLOWED_HOSTS) and restart.`;
}

export function misdirectedResponse(pathname: string, host: string | null): Response {
  const message = misdirectedMessage(host);
  if (pathname === "/api" || pathname.startsWith("/api/")) return errorResponse(421, "misdirected_request", message);
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>Unknown host · Care Desk</title></head><body><h1>Unknown host</h1><p>${escapeHtml(message)}</p></body></html>`;
  return new Response(page, { status: 421, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
}
