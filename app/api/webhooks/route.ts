// POST /api/webhooks — receive Altibbi events. Under `next start` the receiver in front of
// Next.js answers them (lib/webhooks/front-receiver.ts) with the same handler; this route serves
// them under `next dev` and anywhere the front receiver is not installed.
import { handleWebhook } from "@/lib/webhooks/handle";

export const dynamic = "force-dynamic";

export const POST = handleWebhook;
