// The Standard Webhooks secret the integration projects run with (vitest.config.ts sets
// WEBHOOK_SIGNING_SECRETS to it), and with which tests/support/webhooks.ts signs by default:
// authentication never fails open, so every test delivery is signed as Altibbi's would be.
export const integrationSigningSecret = "whsec_" + Buffer.from("care-desk-integration-secret-0123").toString("base64");
