// The order-independent rules of a consultation's upsert, as SQL over the stored row `c` and
// the incoming one (`excluded`): shared by the per-event path (./store.ts) and PostgreSQL's
// whole-batch statement (./store-batch.ts), so both decide alike.

// Each member field keeps the value of the latest event that carried one; ties go to the
// larger value, so the result does not depend on the order deliveries arrive in.
export const latestWins = (field: string) => {
  const newer = `excluded."${field}" IS NOT NULL AND (c."${field}Us" IS NULL OR c."${field}Us" < excluded."${field}Us"
    OR (c."${field}Us" = excluded."${field}Us" AND c."${field}" < excluded."${field}"))`;
  return `"${field}" = CASE WHEN ${newer} THEN excluded."${field}" ELSE c."${field}" END,
    "${field}Us" = CASE WHEN ${newer} THEN excluded."${field}Us" ELSE c."${field}Us" END`;
};

// The current status is that of the latest event by event time; on a tie, the later lifecycle
// step, then the larger status name, then the larger time text: a total order, so any arrival
// order ends in the same state, and a late old event never moves a status back.
export const statusIsNewer = `excluded."statusUs" IS NOT NULL AND (c."statusUs" IS NULL OR c."statusUs" < excluded."statusUs"
  OR (c."statusUs" = excluded."statusUs" AND (c."statusRank" < excluded."statusRank"
  OR (c."statusRank" = excluded."statusRank" AND (c."status" < excluded."status"
  OR (c."status" = excluded."status" AND c."statusTime" < excluded."statusTime"))))))`;
export const lastEventIsNewer = `c."lastEventUs" < excluded."lastEventUs"
  OR (c."lastEventUs" = excluded."lastEventUs" AND c."lastEventTime" < excluded."lastEventTime")`;
export const ifNewer = (condition: string, column: string) => `"${column}" = CASE WHEN ${condition} THEN excluded."${column}" ELSE c."${column}" END`;
