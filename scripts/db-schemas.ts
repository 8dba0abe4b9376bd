// Writes prisma/{sqlite,postgres}/schema.prisma from prisma/models.prisma.
import { mkdirSync, writeFileSync } from "node:fs";
import { composeSchema, providerDir, schemaPath, type Provider } from "./lib/prisma-schemas";

for (const provider of ["sqlite", "postgresql"] as Provider[]) {
  mkdirSync(providerDir[provider], { recursive: true });
  writeFileSync(schemaPath(provider), composeSchema(provider));
  console.log(`wrote ${schemaPath(provider)}`);
}
