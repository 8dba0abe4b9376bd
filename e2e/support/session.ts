// The browser state the page specs run in. E2E_STORAGE_STATE names a Playwright storage-state
// file saved after signing in through /sign-in; without it the browser carries only a session
// cookie by name, which gets past proxy.ts's convenience redirect (it checks presence, never
// validity) and nothing else: pages that check the session themselves still refuse it.
import { e2eBaseUrl } from "./test-server";

type StorageState = { cookies: { name: string; value: string; domain: string; path: string; expires: number; httpOnly: boolean; secure: boolean; sameSite: "Lax" }[]; origins: [] };

export const sessionCookieName = "care-desk.session_token";

export function pageSessionState(): string | StorageState {
  const file = process.env.E2E_STORAGE_STATE?.trim();
  if (file) return file;
  return {
    cookies: [{ name: sessionCookieName, value: "anonymous", domain: new URL(e2eBaseUrl).hostname, path: "/", expires: -1, httpOnly: true, secure: false, sameSite: "Lax" }],
    origins: [],
  };
}
