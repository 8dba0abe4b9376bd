// The one place that knows how the end-to-end server is set up: Playwright's config, the server
// script (scripts/e2e-server.ts) and the specs all read it from here.

export const e2ePort = 3100;
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;
export const e2eInstanceName = "Care Desk E2E";

/**
 * A fixed Standard Webhooks secret (`whsec_` + base64 of 32 bytes) for the test server only:
 * specs sign their deliveries with it. Never used outside end-to-end tests.
 */
export const e2eSigningSecret = "whsec_Y2FyZS1kZXNrLWUyZS1zaWduaW5nLXNlY3JldC12MSE=";
