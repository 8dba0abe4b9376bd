// Command-line options for the scripts: parsed with node:util, validated with zod, and a
// readable message (plus the usage) instead of a stack trace when something is wrong.
import { parseArgs } from "node:util";
import { z } from "zod";

type Spec = Record<string, { type: "string" | "boolean" }>;

export function parseOptions<S extends z.ZodType>(argv: string[], spec: Spec, schema: S, usage: string): z.infer<S> {
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
  let values: Record<string, unknown>;
  try {
    values = parseArgs({ args: argv, options: spec, strict: true, allowPositionals: false }).values;
  } catch (error) {
    fail((error as Error).message, usage);
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) {
    fail(parsed.error.issues.map((issue) => `--${issue.path.join(".")}: ${issue.message}`).join("\n"), usage);
  }
  return parsed.data;
}

function fail(message: string, usage: string): never {
  console.error(`${message}\n\n${usage}`);
  process.exit(2);
}
