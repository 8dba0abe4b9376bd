/** Rows and timeline events received this recently glow once when they appear (`animate-fresh`, app/globals.css). */
export const freshForMs = 15_000;

/** `animate-fresh` for something that changed within freshForMs of `now`, else undefined. */
export const freshClass = (changedAt: string, now: Date): string | undefined =>
  now.getTime() - Date.parse(changedAt) < freshForMs ? "animate-fresh" : undefined;
