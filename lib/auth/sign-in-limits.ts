// Brute-force limits on password sign-in, kept in the database (rate-limiter-flexible's Prisma
// store) so that every instance shares the counters: 5 consecutive failures lock an account for
// 15 minutes, and a client IP gets CARE_DESK_SIGN_IN_IP_LIMIT failures per 15 minutes. Unknown
// emails are counted and locked exactly like real ones, so a lock tells nobody which exist.
import "server-only";
import { RateLimiterPrisma, type RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env";
import { createSerialisedClient } from "./serialised-client";

export const accountFailureLimit = 5;
export const lockSeconds = 15 * 60;
const ipWindowSeconds = 15 * 60;

type Limiters = { account: RateLimiterPrisma; ip: RateLimiterPrisma };

const globalForLimits = globalThis as unknown as { careDeskSignInLimits?: Limiters };

function getLimiters(): Limiters {
  if (globalForLimits.careDeskSignInLimits) return globalForLimits.careDeskSignInLimits;
  // Its writes go through the serialised client too (the SQLite write rule).
  const storeClient = createSerialisedClient();
  const common = { storeClient, tableName: "rateLimiterFlexible", clearExpiredByTimeout: false };
  return (globalForLimits.careDeskSignInLimits = {
    // "Consecutive": the count lives a day and is cleared by a successful sign-in.
    account: new RateLimiterPrisma({ ...common, keyPrefix: "sign-in-account", points: accountFailureLimit, duration: 24 * 60 * 60 }),
    ip: new RateLimiterPrisma({ ...common, keyPrefix: "sign-in-ip", points: env.CARE_DESK_SIGN_IN_IP_LIMIT, duration: ipWindowSeconds }),
  });
}

const accountKey = (email: string) => email.trim().toLowerCase();
// Without a known client address (no trusted proxy header) every visitor would share one
// counter, and 50 failures would lock everyone out: the per-account lock still applies.
const knownIp = (ip: string) => ip !== "unknown";

/** Seconds until sign-in may be tried again for this email from this IP, or null when it may now. */
export async function signInRetryAfter(email: string, ip: string): Promise<number | null> {
  const { account, ip: perIp } = getLimiters();
  const [accountState, ipState] = await Promise.all([account.get(accountKey(email)), knownIp(ip) ? perIp.get(ip) : null]);
  const waits = [
    accountState && accountState.consumedPoints >= accountFailureLimit ? accountState.msBeforeNext : 0,
    ipState && ipState.consumedPoints >= env.CARE_DESK_SIGN_IN_IP_LIMIT ? ipState.msBeforeNext : 0,
  ];
  const wait = Math.max(...waits);
  return wait > 0 ? Math.ceil(wait / 1000) : null;
}

// consume() rejects with the limiter's state once the points are used up (that still counts),
// or with an Error when the store fails (that must not pass silently).
const settle = (attempt: Promise<RateLimiterRes>) =>
  attempt.catch((state: unknown) => {
    if (state instanceof Error) throw state;
    return state as RateLimiterRes;
  });

/** Counts one failed sign-in; the fifth consecutive one for an account locks it for 15 minutes. */
export async function recordSignInFailure(email: string, ip: string): Promise<void> {
  const { account, ip: perIp } = getLimiters();
  const [accountResult] = await Promise.all([settle(account.consume(accountKey(email))), knownIp(ip) ? settle(perIp.consume(ip)) : null]);
  if (accountResult.consumedPoints >= accountFailureLimit) await account.block(accountKey(email), lockSeconds);
}

/** A successful sign-in ends the run of consecutive failures for the account. */
export async function recordSignInSuccess(email: string): Promise<void> {
  await getLimiters().account.delete(accountKey(email));
}
