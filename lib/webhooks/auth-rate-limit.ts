// Failed webhook authentication, rate limited per client IP, in this instance's memory
// (rate-limiter-flexible's RateLimiterMemory): the hot path gets no database write. Past the
// limit, the client is answered 429 with Retry-After, before anything else is done for it:
// by ./front-gate.ts in front of Next.js under `next start`, else by the route. One limiter per
// process, on globalThis: Next.js bundles instrumentation (the gate) and the route separately.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** Failed authentications one client IP may have per window before it is answered 429. */
export const authFailuresPerWindow = 10;
export const authFailureWindowSeconds = 60;

const globalForLimiter = globalThis as unknown as { careDeskWebhookAuthLimiter?: RateLimiterMemory };
const limiter = (globalForLimiter.careDeskWebhookAuthLimiter ??= new RateLimiterMemory({ points: authFailuresPerWindow, duration: authFailureWindowSeconds }));

/** The 429 answer to a client past its failures (the route and ./front-gate.ts say the same). */
export const tooManyFailures = (seconds: number) => ({
  status: 429,
  code: "too_many_failed_authentications",
  message: `Too many failed webhook authentications from this address. Retry after ${seconds} seconds.`,
  headers: { "Retry-After": String(seconds) },
});

const retryAfterSeconds = (result: RateLimiterRes) => Math.max(1, Math.ceil(result.msBeforeNext / 1000));

/** Seconds until the client may try again when it has used up its failures, else null. */
export async function blockedForSeconds(clientIp: string): Promise<number | null> {
  const result = await limiter.get(clientIp);
  return result !== null && result.remainingPoints <= 0 ? retryAfterSeconds(result) : null;
}

/** Counts one failed authentication; the seconds to wait when this one was over the limit, else null. */
export async function countAuthFailure(clientIp: string): Promise<number | null> {
  try {
    await limiter.consume(clientIp);
    return null;
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return retryAfterSeconds(rejection);
    throw rejection;
  }
}
