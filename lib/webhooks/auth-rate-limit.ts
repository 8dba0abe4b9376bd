// Failed webhook authentication, rate limited per client IP, in this instance's memory
// (rate-limiter-flexible's RateLimiterMemory): the hot path gets no database write. Past the
// limit, the client is answered 429 with Retry-After, before anything else is done for it.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/** Failed authentications one client IP may have per window before it is answered 429. */
export const authFailuresPerWindow = 10;
export const authFailureWindowSeconds = 60;

const limiter = new RateLimiterMemory({ points: authFailuresPerWindow, duration: authFailureWindowSeconds });

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
