// Ids from URL segments and query parameters: plain digits without leading zeros (one canonical
// URL per record), within the range of the column that stores them; null otherwise.

/** Altibbi's consultation ids: 1 … 2^53−1 (stored as BIGINT, sent to browsers as JSON numbers). */
export function parseConsultationId(text: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(text)) return null;
  const id = Number(text);
  return Number.isSafeInteger(id) ? id : null;
}

/** The largest webhook delivery id: deliveries are numbered by a 32-bit INTEGER key. */
export const maxDeliveryId = 2_147_483_647;

/** Our webhook delivery ids: 1 … 2^31−1. */
export function parseDeliveryId(text: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(text)) return null;
  const id = Number(text);
  return id <= maxDeliveryId ? id : null;
}
