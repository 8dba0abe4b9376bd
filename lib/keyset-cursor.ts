// Keyset cursors: the sort key and id of a row, as URL-safe text ("1686822530848860_72").
// A row without a sort key (no status event yet, when sorting by status time) is "n_72".

export type KeysetCursor = { key: bigint | null; id: bigint };

const cursorPattern = /^(n|-?\d{1,20})_(\d{1,16})$/;

const maxInt64 = 2n ** 63n - 1n;
const minInt64 = -(2n ** 63n);

export function encodeCursor(cursor: KeysetCursor): string {
  return `${cursor.key === null ? "n" : cursor.key.toString()}_${cursor.id.toString()}`;
}

/** The cursor, or null when the text is not one. */
export function decodeCursor(text: string): KeysetCursor | null {
  const match = cursorPattern.exec(text);
  if (!match) return null;
  const id = BigInt(match[2]!);
  if (id < 1n || id > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  if (match[1] === "n") return { key: null, id };
  // The key is compared with a BIGINT column: outside int64 the database itself would fail.
  const key = BigInt(match[1]!);
  if (key < minInt64 || key > maxInt64) return null;
  return { key, id };
}
