// The layering rules in eslint.config.mjs, run through ESLint's own Node API on code that breaks
// them and on code that keeps them.
import { ESLint, type Linter } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

const lint = async (filePath: string, code: string): Promise<Linter.LintMessage[]> => (await eslint.lintText(code, { filePath }))[0]!.messages;
const rulesOf = (messages: Linter.LintMessage[]) => messages.map((message) => message.ruleId);

// Loading the Next.js lint configuration takes a few seconds on a busy machine.
const slow = { timeout: 60_000 };

describe("pages and components never touch Prisma", () => {
  it.each([
    ["components/example-table.tsx", 'import { readDb } from "@/lib/db";\nexport const read = readDb;\n'],
    ["app/example/page.tsx", 'import { PrismaClient } from "../../lib/generated/sqlite/client";\nexport const Client = PrismaClient;\n'],
    ["app/api/example/route.ts", 'import { resolveDatabase } from "@/lib/db-config";\nexport const resolve = resolveDatabase;\n'],
  ])("%s importing the database is an error", slow, async (file, code) => {
    const messages = await lint(file, code);
    expect(rulesOf(messages)).toEqual(["no-restricted-imports"]);
    expect(messages[0]!.severity).toBe(2);
    expect(messages[0]!.message).toMatch(/never touch the database/);
  });

  it("a server component reading through lib/data is fine", slow, async () => {
    const code = 'import { listDeliveries } from "@/lib/data/deliveries";\nexport const list = listDeliveries;\n';
    expect(await lint("app/example/page.tsx", code)).toEqual([]);
  });
});

describe("lib/data reads and never imports the webhook receiver", () => {
  it("importing lib/webhooks is an error", slow, async () => {
    const messages = await lint("lib/data/example.ts", 'import { receiveWebhook } from "../webhooks/receive";\nexport const receive = receiveWebhook;\n');
    expect(rulesOf(messages)).toEqual(["no-restricted-imports"]);
    expect(messages[0]!.message).toMatch(/never imports the webhook receiver/);
  });

  it("importing a write path is an error, reading is fine", slow, async () => {
    const write = await lint("lib/data/example.ts", 'import { writeTransaction } from "../db";\nexport const write = writeTransaction;\n');
    expect(rulesOf(write)).toEqual(["no-restricted-imports"]);
    expect(write[0]!.message).toMatch(/lib\/data is for reads/);
    expect(await lint("lib/data/example.ts", 'import { readDb } from "../db";\nexport const read = readDb;\n')).toEqual([]);
  });
});

describe('client components ("use client") never import server code', () => {
  it.each([
    ["a lib/data module", 'import { listDeliveries } from "@/lib/data/deliveries";\nexport const list = listDeliveries;\n', /lib\/data\/deliveries/],
    ["the configuration", 'import { env } from "../lib/env";\nexport const name = env.CARE_DESK_NAME;\n', /lib\/env is listed as server code/],
    ["a module marked server-only", 'import { getViewerTimeZone } from "@/lib/viewer-time-zone";\nexport const zone = getViewerTimeZone;\n', /imports "server-only"/],
    ["the server-only marker itself", 'import "server-only";\n', /the server-only marker/],
  ])("importing %s is an error", slow, async (_what, code, reason) => {
    const messages = await lint("components/example-widget.tsx", `"use client";\n${code}`);
    expect(rulesOf(messages)).toEqual(["care-desk/client-boundary"]);
    expect(messages[0]!.severity).toBe(2);
    expect(messages[0]!.message).toMatch(reason);
  });

  it("types, pure modules and other client code are fine", slow, async () => {
    const code = [
      '"use client";',
      'import type { DeliverySummaryDto } from "@/lib/schemas/delivery";',
      'import { statusStyles } from "@/lib/statuses";',
      'import { freshClass } from "./fresh";',
      "export const label = (item: DeliverySummaryDto) => `${statusStyles.new.label} ${freshClass(item.receivedAt, new Date()) ?? ''}`;",
      "",
    ].join("\n");
    expect(await lint("components/example-widget.tsx", code)).toEqual([]);
  });

  it("the same import in a server component is fine", slow, async () => {
    const code = 'import { getViewerTimeZone } from "@/lib/viewer-time-zone";\nexport const zone = getViewerTimeZone;\n';
    expect(await lint("components/example-widget.tsx", code)).toEqual([]);
  });
});
