// The one logger: pino, one JSON line per event on standard output (`npm run dev` pipes it
// through pino-pretty). Secrets, cookies, tokens and bodies never reach a line: `redact` replaces
// them wherever they appear in the first three levels of what is logged, and callers log ids,
// counts and outcomes, never a payload.
import pino, { type DestinationStream, type Logger } from "pino";
import { env } from "../env";
import { instanceId } from "./instance";

/** Keys whose values are never written, at any of the first three levels of a log line. */
const sensitiveKeys = [
  "authorization",
  "cookie",
  "cookies",
  '["set-cookie"]',
  '["webhook-signature"]',
  "password",
  "newPassword",
  "currentPassword",
  "secret",
  "secrets",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "apiKey",
  "body",
  "rawBody",
  "payload",
];

const join = (prefix: string, key: string) => (key.startsWith("[") ? `${prefix}${key}` : `${prefix}.${key}`);

export const redactedPaths: string[] = sensitiveKeys.flatMap((key) => [
  key.startsWith("[") ? key.slice(2, -2) : key,
  join("*", key),
  join("*.*", key),
]);

/**
 * A logger writing to `destination`; tests pass a stream they read. By default standard output,
 * written asynchronously (sonic-boom, sync: false): a line is handed to a write that runs off the
 * event loop, and lines logged while one is in flight go out together, where a synchronous write
 * cost every request a system call on the server's thread. pino flushes what is left when the
 * process exits.
 */
export function createLogger(destination?: DestinationStream): Logger {
  return pino(
    {
      level: env.CARE_DESK_LOG_LEVEL,
      base: { service: "care-desk", instance: instanceId },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactedPaths, censor: "[redacted]" },
      serializers: { err: pino.stdSerializers.err, error: pino.stdSerializers.err },
    },
    destination ?? pino.destination({ dest: 1, sync: false }),
  );
}

const holder = globalThis as unknown as { careDeskLogger?: Logger };

/** The process's logger (one for every bundle of the app). */
export const log: Logger = (holder.careDeskLogger ??= createLogger());
