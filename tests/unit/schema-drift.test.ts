// prisma/models.prisma is the one source of truth: the two provider schemas (and so the two
// generated clients) and the snapshot the last migration was diffed to must all follow it.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { composeSchema, modelsPath, root, schemaPath, type Provider } from "@/scripts/lib/prisma-schemas";

const read = (file: string) => readFileSync(file, "utf8");
const relative = (file: string) => path.relative(root, file);

describe("provider schemas", () => {
  it.each<Provider>(["sqlite", "postgresql"])("the %s schema is the one composed from prisma/models.prisma", (provider) => {
    expect(
      read(schemaPath(provider)),
      `${relative(schemaPath(provider))} is out of date: run \`npm run db:schemas\` (then \`npm run db:generate\`) and commit it`,
    ).toBe(composeSchema(provider, read(modelsPath)));
  });
});

describe("migrations snapshot", () => {
  it("prisma/models.migrated.prisma equals prisma/models.prisma (every model change has a migration)", () => {
    expect(
      read(path.join(root, "prisma/models.migrated.prisma")),
      "prisma/models.prisma changed since the last migration: run `npm run db:new-migration -- <name>` and commit the new migrations",
    ).toBe(read(modelsPath));
  });
});
