// The one formula-safety rule for every CSV Care Desk writes (the audit export, the consultation
// export): csv-stringify's `escape_formulas` puts a ' before any cell that starts with = + - @
// tab or CR (and their full-width forms), so a spreadsheet shows the text and never runs it.
// It leaves numbers alone (a negative number is not a formula), so every cell is handed over as
// text: `csvCell` turns ids and counts into strings first.
import type { Options } from "csv-stringify";

export const safeCsvOptions = { escape_formulas: true } as const satisfies Options;

/** A cell as text: null and undefined are empty. */
export const csvCell = (value: string | number | bigint | null | undefined): string =>
  value === null || value === undefined ? "" : String(value);
