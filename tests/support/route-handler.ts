// The webhook route handler itself as a target, for integration tests that run it in-process.
import { POST } from "@/app/api/webhooks/route";
import type { WebhookTarget } from "./webhooks";

export const routeHandler: WebhookTarget = { url: "http://localhost/api/webhooks", receive: POST };
