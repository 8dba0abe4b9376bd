// The CSP nonce proxy.ts chose for this request, for the few inline <style>/<script> tags the
// app writes itself (Next.js adds it to its own tags).
import "server-only";
import { headers } from "next/headers";
import { nonceHeader } from "./content-security-policy";

export async function getRequestNonce(): Promise<string | undefined> {
  return (await headers()).get(nonceHeader) ?? undefined;
}
