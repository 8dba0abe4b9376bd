import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { integrationSigningSecret } from "./tests/support/signing-secret.ts";

// Every run gets its own databases, named after this run, and drops them afterwards.
const runId = `${Date.now().toString(36)}_${process.pid}`;
const postgresBase = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const postgresUrl = new URL(postgresBase);
postgresUrl.pathname = `/care_desk_test_${runId}`;

const shared = {
  alias: { "server-only": path.resolve("tests/setup/server-only.ts"), "@": path.resolve(".") },
};

export default defineConfig({
  resolve: shared,
  test: {
    projects: [
      {
        resolve: shared,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "tests/unit/**/*.test.ts", "scripts/**/*.test.ts"],
          env: { NODE_ENV: "test" },
        },
      },
      {
        resolve: shared,
        test: {
          name: "sqlite",
          include: ["tests/integration/**/*.test.ts"],
          // *.postgres.test.ts: what only PostgreSQL can do (several app instances on one database).
          exclude: ["tests/integration/**/*.postgres.test.ts"],
          globalSetup: ["tests/setup/database.ts"],
          setupFiles: ["tests/setup/peer-address.ts"],
          env: {
            NODE_ENV: "test",
            CARE_DESK_TEST_RUN: `${runId}-sqlite`,
            WEBHOOK_SIGNING_SECRETS: integrationSigningSecret,
            DATABASE_URL: `file:${path.join(os.tmpdir(), `care-desk-test-${runId}`, "care-desk.db")}`,
            CARE_DESK_SIGN_IN_IP_LIMIT: "12",
            // The request log lines (info) of thousands of test requests would drown the output.
            CARE_DESK_LOG_LEVEL: "warn",
          },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Three files at a time on two cores: most of an integration file's time is spent
          // waiting (on servers, on the database, on timeouts), not computing. Tests scope every
          // row they read to their own ids, so files running side by side never see each other.
          maxWorkers: 3,
        },
      },
      {
        resolve: shared,
        test: {
          name: "postgres",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/setup/database.ts"],
          setupFiles: ["tests/setup/peer-address.ts"],
          env: {
            NODE_ENV: "test",
            CARE_DESK_TEST_RUN: `${runId}-postgres`,
            WEBHOOK_SIGNING_SECRETS: integrationSigningSecret,
            DATABASE_URL: postgresUrl.toString(),
            CARE_DESK_SIGN_IN_IP_LIMIT: "12",
            // The request log lines (info) of thousands of test requests would drown the output.
            CARE_DESK_LOG_LEVEL: "warn",
          },
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // Three files at a time on two cores: most of an integration file's time is spent
          // waiting (on servers, on the database, on timeouts), not computing. Tests scope every
          // row they read to their own ids, so files running side by side never see each other.
          maxWorkers: 3,
        },
      },
    ],
  },
});
