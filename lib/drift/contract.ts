// What the documented contract knows, derived from the zod schemas in lib/schemas/webhook.ts (the
// one source: a field added there is known here at once) and the documented statuses in
// lib/statuses.ts. Pure, so the unit tests and the /admin/payload page share it.
import type { z } from "zod";
import { documentedStatuses } from "../statuses";
import { webhookSchema } from "../schemas/webhook";
import { toStorableText } from "../webhooks/storable-text";

export const shapeKinds = ["key", "status", "type"] as const;
export type ShapeKind = (typeof shapeKinds)[number];

type Def = { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; values?: unknown[]; in?: z.ZodType };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every key path a schema describes (arrays as `[]`), and the literal values of its `type`. */
function walk(schema: z.ZodType, path: string, keys: Set<string>, types: Set<string>): void {
  const def = defOf(schema);
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
      walk(def.innerType!, path, keys, types);
      return;
    case "pipe":
      walk(def.in!, path, keys, types);
      return;
    case "union":
      for (const option of def.options ?? []) walk(option, path, keys, types);
      return;
    case "array":
      walk(def.element!, `${path}[]`, keys, types);
      return;
    case "object":
      for (const [key, child] of Object.entries(def.shape ?? {})) {
        const childPath = path === "" ? key : `${path}.${key}`;
        keys.add(childPath);
        if (childPath === "type") for (const value of literalValues(child)) types.add(value);
        walk(child, childPath, keys, types);
      }
      return;
    default:
      return;
  }
}

function literalValues(schema: z.ZodType): string[] {
  const def = defOf(schema);
  if (def.type === "literal") return (def.values ?? []).filter((value): value is string => typeof value === "string");
  if (def.innerType) return literalValues(def.innerType);
  return [];
}

function buildContract() {
  const keys = new Set<string>();
  const types = new Set<string>();
  walk(webhookSchema, "", keys, types);
  return { keys, types, statuses: new Set<string>(documentedStatuses) };
}

const contract = buildContract();

/** Whether the documented contract knows this key path, status or type. */
export function isDocumented(kind: ShapeKind, value: string): boolean {
  if (kind === "key") return contract.keys.has(value);
  if (kind === "type") return contract.types.has(value);
  return contract.statuses.has(value);
}

/** The contract's key paths, sorted (shown on /admin/payload). */
export const documentedKeyPaths = (): string[] => [...contract.keys].sort();
export const documentedTypes = (): string[] => [...contract.types].sort();

/** The longest key path recorded: a hostile or broken sender's keys are cut here. */
export const maxShapeLength = 300;
/** At most this many distinct shapes are taken from one body (a body of random keys costs bounded rows). */
export const maxShapesPerBody = 500;

export type Shape = { kind: ShapeKind; value: string };
export const shapeId = (shape: Shape) => `${shape.kind}:${shape.value}`;

/** The key paths, statuses and type of one parsed body, each once. */
export function shapesOf(body: Record<string, unknown>): Shape[] {
  const found = new Map<string, Shape>();
  const add = (kind: ShapeKind, value: string) => {
    if (found.size >= maxShapesPerBody) return;
    // The NUL rule (lib/webhooks/storable-text.ts): a key holding NUL or a lone surrogate is kept with U+FFFD.
    const shape = { kind, value: toStorableText(value.slice(0, maxShapeLength)) };
    found.set(shapeId(shape), shape);
  };
  const visit = (value: unknown, path: string, depth: number) => {
    if (depth > 32 || found.size >= maxShapesPerBody) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item, `${path}[]`, depth + 1);
    } else if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        const childPath = path === "" ? key : `${path}.${key}`;
        add("key", childPath);
        visit(child, childPath, depth + 1);
      }
    }
  };
  visit(body, "", 0);
  if (typeof body.type === "string") add("type", body.type);
  for (const field of ["old_status", "new_status"]) {
    const status = body[field];
    if (typeof status === "string") add("status", status);
  }
  return [...found.values()];
}
