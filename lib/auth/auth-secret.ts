// better-auth's signing secret: CARE_DESK_AUTH_SECRET when set, otherwise one generated on first
// start and kept in the Setting table, so instances on one database share it and a restart
// signs nobody out.
import "server-only";
import { randomBytes } from "node:crypto";
import { env } from "../env";
import { Prisma, readDb, writeTransaction } from "../db";

const settingKey = "auth.secret";

export async function getAuthSecret(): Promise<string> {
  if (env.CARE_DESK_AUTH_SECRET) return env.CARE_DESK_AUTH_SECRET;
  const stored = await (await readDb()).setting.findUnique({ where: { key: settingKey } });
  if (stored) return stored.value;
  // Two instances starting at once: the first insert wins, and both then use the stored value.
  const candidate = randomBytes(32).toString("base64url");
  try {
    return await writeTransaction(async (tx) => {
      const existing = await tx.setting.findUnique({ where: { key: settingKey } });
      if (existing) return existing.value;
      return (await tx.setting.create({ data: { key: settingKey, value: candidate } })).value;
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    return (await (await readDb()).setting.findUniqueOrThrow({ where: { key: settingKey } })).value;
  }
}
