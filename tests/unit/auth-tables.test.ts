// better-auth's expected tables (getAuthTables with Care Desk's options, plugins included) must
// match the models in prisma/models.prisma: a plugin or option that adds a field fails here.
import { readFileSync } from "node:fs";
import { getAuthTables } from "better-auth/db";
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/auth";
import { modelsPath } from "@/scripts/lib/prisma-schemas";

type PrismaField = { name: string; type: string; optional: boolean; unique: boolean; attributes: string };

function readModels(text: string): Map<string, PrismaField[]> {
  const models = new Map<string, PrismaField[]>();
  for (const match of text.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const fields: PrismaField[] = [];
    for (const line of match[2]!.split("\n")) {
      const field = /^\s+(\w+)\s+(\w+)(\[\])?(\?)?(.*)$/.exec(line);
      if (!field || field[3] || /@relation/.test(field[5]!)) continue;
      const [, name, type, , optional, attributes] = field;
      // Relation lists ("sessions Session[]") and relation fields are not columns.
      if (/^[A-Z]/.test(type!) && !["String", "Boolean", "Int", "BigInt", "DateTime", "Float"].includes(type!)) continue;
      fields.push({ name: name!, type: type!, optional: optional === "?", unique: /@unique|@id/.test(attributes!), attributes: attributes! });
    }
    models.set(match[1]!, fields);
  }
  return models;
}

const prismaType: Record<string, string> = { string: "String", boolean: "Boolean", date: "DateTime", number: "Int" };
const modelName = (table: string) => table.charAt(0).toUpperCase() + table.slice(1);

describe("better-auth tables", () => {
  const models = readModels(readFileSync(modelsPath, "utf8"));
  const tables = getAuthTables(authOptions);

  it("names the tables that prisma/models.prisma defines", () => {
    expect(Object.keys(tables).sort()).toEqual(["account", "session", "twoFactor", "user", "verification"]);
    for (const table of Object.values(tables)) expect(models.has(modelName(table.modelName)), `model ${modelName(table.modelName)}`).toBe(true);
  });

  it.each(Object.entries(getAuthTables(authOptions)))("%s: every field better-auth writes is a column of the same type", (_key, table) => {
    const fields = models.get(modelName(table.modelName))!;
    const expected = Object.entries(table.fields).map(([key, field]) => ({
      name: field.fieldName ?? key,
      type: field.bigint ? "BigInt" : prismaType[field.type as string],
      optional: field.required !== true,
      unique: field.unique === true,
    }));
    const actual = fields.filter((field) => field.name !== "id").map(({ name, type, optional, unique }) => ({ name, type, optional, unique }));
    expect(actual.sort((a, b) => a.name.localeCompare(b.name))).toEqual(expected.sort((a, b) => a.name.localeCompare(b.name)));
    expect(fields.find((field) => field.name === "id")?.attributes).toMatch(/@id/);
  });
});
