// The end-to-end server as a webhook target: specs send to it with tests/support/webhooks.ts,
// signed with the secret the server is started with, as Altibbi would.
import { serverAt } from "../../tests/support/webhooks";
import { e2eBaseUrl, e2eSigningSecret } from "./test-server";

export const testServer = serverAt(e2eBaseUrl, e2eSigningSecret);
