// Builds an object from a list of field names, one value per name: how the shapes derived from a
// field list (lib/schemas/drug.ts) are written without spelling the names out again.

export function mapFields<K extends string, V>(fields: readonly K[], value: (field: K) => V): Record<K, V> {
  return Object.fromEntries(fields.map((field) => [field, value(field)])) as Record<K, V>;
}
