// Turns generated events into the deliveries a sender makes: one per event, each with its own
// webhook id, plus redeliveries of some (same id and body, as a sender retrying after a lost
// answer) and, on request, in random order (as retries and parallel workers produce).
import type { SimEvent } from "./generate";
import { createRandom } from "./random";

export type Delivery = {
  /** Position in the plan (0-based). */
  seq: number;
  /** Standard Webhooks message id; a redelivery keeps it. */
  webhookId: string;
  body: string;
  event: SimEvent;
  /** True for the copies added by `duplicates`. */
  redelivery: boolean;
};

export type PlanOptions = {
  seed: number;
  /** Probability that a delivery is sent a second time (0…1). */
  duplicates: number;
  /** Send in random order instead of event-time order. */
  shuffle: boolean;
};

export function planDeliveries(events: readonly SimEvent[], options: PlanOptions): Delivery[] {
  // Its own stream, so that planning never changes the generated events for a seed.
  const random = createRandom((options.seed ^ 0x5eed_de11) >>> 0);
  const keyed: { key: number; delivery: Omit<Delivery, "seq"> }[] = [];
  events.forEach((event, index) => {
    const delivery = { webhookId: `msg_${random.token(27)}`, body: JSON.stringify(event.body), event, redelivery: false };
    keyed.push({ key: index, delivery });
    // A redelivery follows its original after a few other deliveries.
    if (random.chance(options.duplicates)) keyed.push({ key: index + 0.5 + random.next() * 20, delivery: { ...delivery, redelivery: true } });
  });
  keyed.sort((a, b) => a.key - b.key);
  if (options.shuffle) random.shuffle(keyed);
  return keyed.map(({ delivery }, seq) => ({ seq, ...delivery }));
}
