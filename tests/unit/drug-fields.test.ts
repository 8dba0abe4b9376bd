// The drug field list (lib/schemas/drug.ts) and the Prisma model are the two spellings of a drug:
// the schema, rows, SQL, DTO and presenter follow the list, the database follows the model.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelsPath } from "@/scripts/lib/prisma-schemas";
import { drugFields } from "@/lib/schemas/drug";
import { answerFields, followUpFields, icd10Fields, labFields } from "@/lib/schemas/recommendation-fields";

/** The scalar fields of a model in prisma/models.prisma, in order, without relations and attributes lines. */
function modelFields(model: string): string[] {
  const text = readFileSync(modelsPath, "utf8");
  const body = new RegExp(`^model ${model} \\{\\n([\\s\\S]*?)^\\}`, "m").exec(text)?.[1];
  if (body === undefined) throw new Error(`model ${model} not found in prisma/models.prisma`);
  return body
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !line.startsWith("//") && !line.startsWith("@@"))
    .map((line) => line.split(/\s+/) as [string, string])
    .filter(([, type]) => /^(String|Int|BigInt|DateTime|Boolean)\??$/.test(type))
    .map(([name]) => name);
}

// Columns every child row has besides its fields: its id, its recommendation, its place in the list.
const childColumns = ["id", "recommendationId", "position"];

describe("recommendation child fields", () => {
  it.each([
    ["RecommendationDrug", drugFields],
    ["RecommendationIcd10", ["kind", ...icd10Fields]],
    ["RecommendationLab", ["kind", ...labFields]],
    ["RecommendationFollowUp", followUpFields],
    ["RecommendationAnswer", answerFields],
  ] as const)("the Prisma model %s has exactly the columns of its field list", (model, fields) => {
    expect(
      modelFields(model),
      `prisma/models.prisma's ${model} and the field list in lib/schemas differ: add the column there (and a migration) or the field here`,
    ).toEqual([...childColumns, ...fields]);
  });
});
