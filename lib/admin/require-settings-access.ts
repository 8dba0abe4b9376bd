// THE GUARD CALL POINT of /admin/settings, its server actions and nothing else: every one of them
// calls requireSettingsAccess() first. Until sign-in lands (the auth branch), the rule is that
// only a browser on this very machine (a loopback client IP) may see or rotate the webhook
// secret; anyone else gets a 404, as if the page did not exist. At merge, the body is replaced by
// the admin permission check (e.g. the session's role) and the callers stay as they are.
import "server-only";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { clientIpFrom } from "../http/client-ip";

const isLoopback = (ip: string) => ip === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip) || ip === "::ffff:127.0.0.1";

export async function requireSettingsAccess(): Promise<void> {
  if (!isLoopback(clientIpFrom(await headers()))) notFound();
}
