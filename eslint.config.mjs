import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import { clientBoundary } from "./scripts/lint/client-boundary.mjs";
import { noJsxProse } from "./scripts/lint/no-jsx-prose.mjs";

// The layers (README, "Architecture"), held by rule; tests/unit/layering-lint.test.ts shows each
// one failing a violation. Import strings are matched as written, so each rule names both the
// `@/` alias and the relative forms.
const prismaAndClients = {
  group: ["@/lib/db", "@/lib/db-*", "@/lib/generated/**", "**/lib/db", "**/lib/db-*", "**/lib/generated/**"],
  message: "Pages, components and route handlers never touch the database: read through lib/data, write through lib/webhooks or lib/writes.",
};

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "lib/generated/**", "next-env.d.ts", "data/**", "playwright-report/**", "test-results/**", "bench/results/**"]),
  {
    plugins: { "care-desk": { rules: { "client-boundary": clientBoundary, "no-jsx-prose": noJsxProse } } },
    rules: {
      // Payload text must always go through React's escaping.
      "react/no-danger": "error",
    },
  },
  {
    files: ["app/**", "components/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [prismaAndClients] }] },
  },
  {
    files: ["lib/data/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["**/webhooks/*", "@/lib/webhooks/*"],
              message: "lib/data reads; it never imports the webhook receiver (lib/webhooks).",
            },
            {
              group: ["**/db", "@/lib/db"],
              importNames: ["writeTransaction", "writeBatch"],
              message: "lib/data is for reads: a new write goes to lib/writes (writeTransaction) or the ingestion writer (lib/webhooks).",
            },
          ],
        },
      ],
    },
  },
  {
    // Client components are found by their "use client" directive (see scripts/lint/client-boundary.mjs).
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "care-desk/client-boundary": ["error", { modules: ["^lib/env$", "^lib/db($|-)", "^lib/generated/", "^lib/data/", "^lib/webhooks/", "^lib/writes/"] }],
    },
  },
  {
    // Every user-facing string in JSX comes from messages/*.json (docs/i18n.md); the rule's test
    // is tests/unit/jsx-prose-lint.test.ts.
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: { "care-desk/no-jsx-prose": "error" },
  },
]);
