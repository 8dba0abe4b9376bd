// The one place that knows how the end-to-end server is set up: Playwright's config, the server
// script (scripts/e2e-server.ts) and the specs all read it from here.

/** 3100, or E2E_PORT: lets two checkouts on one machine run their end-to-end tests side by side. */
export const e2ePort = parsePort(process.env.E2E_PORT, 3100);
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;
export const e2eInstanceName = "Care Desk E2E";

/**
 * A fixed Standard Webhooks secret (`whsec_` + base64 of 32 bytes) for the test server only:
 * specs sign their deliveries with it. Never used outside end-to-end tests.
 */
export const e2eSigningSecret = "whsec_Y2FyZS1kZXNrLWUyZS1zaWduaW5nLXNlY3JldC12MSE=";

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new Error(`E2E_PORT must be a port number from 1024 to 65535, not ${JSON.stringify(value)}`);
  return port;
}

export type E2eRole = "admin" | "coordinator" | "auditor";

/** The users scripts/e2e-server.ts creates (through `npm run user:create`) before the server starts. */
export const e2eUsers: Record<E2eRole, { email: string; name: string; password: string }> = {
  admin: { email: "admin@e2e.test", name: "Ada Admin", password: "e2e admin passphrase 1" },
  coordinator: { email: "coordinator@e2e.test", name: "Cora Coordinator", password: "e2e coordinator passphrase 2" },
  auditor: { email: "auditor@e2e.test", name: "Audrey Auditor", password: "e2e auditor passphrase 3" },
};

/** Where the `auth` setup project saves each role's signed-in browser state. */
export const storageStatePath = (role: E2eRole) => `e2e/.auth/${role}.json`;
