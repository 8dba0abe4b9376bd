// The one rule for a value that is not there. Altibbi sends missing values as null, as empty
// text or as spaces; a person reads all of them alike: the value is left out of a line, and
// where a place must say something (the version diff), it says "none".

/** The text, trimmed, or null when it is missing or blank. */
export function presentText(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

/** What a place that must show a value says when there is none. */
export const noValue = "none";

/** The text, trimmed, or "none". */
export const textOrNone = (value: string | null | undefined): string => presentText(value) ?? noValue;
