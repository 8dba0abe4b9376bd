// Configuration: read once from the environment and validated here, and every value derived from
// it computed here once. Nothing else reads process.env. Imported by scripts too (tsx), so this
// module is not "server-only"; lint keeps it out of client components (eslint.config.mjs).
import { Cron } from "croner";
import { z } from "zod";
import { isAuthConfigured, parseSigningSecrets, type AuthConfig } from "./webhooks/authenticate";
import { parseBusinessHours, type BusinessHours } from "./alerts/business-hours";

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

const listOfWords = z
  .string()
  .default("")
  .transform((value) => value.split(/[\s,]+/).filter((word) => word !== ""));

/** An alert rule's default threshold: a whole number, 0 turns the rule off. */
const alertThreshold = (fallback: number) => z.coerce.number().int().min(0).max(1_000_000).default(fallback);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .trim()
    .default("file:./data/care-desk.db")
    .refine((url) => /^(file:|postgres(ql)?:\/\/)/.test(url), {
      message: "DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
    }),
  /** Shown in the header and on printed prescriptions. */
  CARE_DESK_NAME: z.string().trim().min(1).max(80).default("Care Desk"),
  /**
   * This instance's public address (e.g. https://care-desk.example.com), shown where the
   * dashboard tells you which webhook URL to give Altibbi. Without it, the request's Host is used.
   */
  CARE_DESK_PUBLIC_URL: optionalText.refine((value) => value === undefined || /^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(value), {
    message: "CARE_DESK_PUBLIC_URL must be an absolute http(s) URL, e.g. https://care-desk.example.com",
  }),
  /** Space-separated Standard Webhooks secrets (whsec_…); several allow rotation. */
  WEBHOOK_SIGNING_SECRETS: optionalText,
  /** Static token expected as `Authorization: Bearer <token>`. */
  WEBHOOK_BEARER_TOKEN: optionalText,
  /**
   * `none`: accept webhooks with no authentication at all. Honoured only under `next dev`
   * (isNextDevServer); anywhere else it is ignored, with a warning.
   */
  WEBHOOK_AUTH: optionalText.pipe(z.enum(["none"], { error: "WEBHOOK_AUTH can only be none (and only under next dev)" }).optional()),
  /** `user:password` expected as HTTP Basic credentials. */
  WEBHOOK_BASIC_AUTH: optionalText.refine((value) => value === undefined || value.includes(":"), {
    message: "WEBHOOK_BASIC_AUTH must look like user:password",
  }),
  // Deployment surface (proxy.ts, lib/http): which Host names this instance answers to, which
  // reverse proxies may speak for the client, and the address `npm start` listens on.
  /** Extra Host names (with or without :port) besides CARE_DESK_PUBLIC_URL's, comma or space separated. */
  CARE_DESK_ALLOWED_HOSTS: listOfWords,
  /** IPs or CIDRs of the reverse proxies whose X-Forwarded-Host/Proto/For are believed. */
  CARE_DESK_TRUSTED_PROXIES: listOfWords,
  /** Hosts a dispense link may lead to (`pharmacy.example`, `*.altibbi.com`), comma or space separated; any host when unset. */
  DISPENSE_ALLOWED_HOSTS: listOfWords,
  /** The interface `npm start` listens on: 127.0.0.1 (default, loopback only) or e.g. 0.0.0.0 / "::". */
  HOST: z.string().trim().min(1).default("127.0.0.1"),
  /**
   * better-auth's signing secret (at least 32 characters). Unset: one is generated on first start
   * and kept in the database, so every instance on it shares it and a restart signs nobody out.
   */
  CARE_DESK_AUTH_SECRET: optionalText.refine((value) => value === undefined || value.length >= 32, {
    message: "CARE_DESK_AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)",
  }),
  /** Minutes without a request after which a session ends (medical data on an unattended screen). */
  CARE_DESK_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  /** Hours after sign-in after which a session ends, however busy. */
  CARE_DESK_SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Failed sign-ins allowed from one client IP in 15 minutes (on top of 5 per account). */
  CARE_DESK_SIGN_IN_IP_LIMIT: z.coerce.number().int().min(1).max(100_000).default(50),
  /** Days an audit event is kept (lib/audit/retention.ts); default 6 years, at least 1 year. */
  CARE_DESK_AUDIT_RETENTION_DAYS: z.coerce.number().int().min(365).max(100 * 366).default(6 * 365 + 2),
  /**
   * Single sign-on (OpenID Connect): the issuer URL (its /.well-known/openid-configuration is read
   * at start), and the client registered there. SSO is on when all three are set.
   */
  OIDC_ISSUER: optionalText.refine((value) => value === undefined || /^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(value), {
    message: "OIDC_ISSUER must be an absolute http(s) URL, e.g. https://login.microsoftonline.com/<tenant>/v2.0",
  }),
  OIDC_CLIENT_ID: optionalText,
  OIDC_CLIENT_SECRET: optionalText,
  /** The ID-token claim holding the user's groups or roles; a dotted path reaches nested claims (realm_access.roles). */
  OIDC_ROLE_CLAIM: z.string().trim().min(1).max(200).default("groups"),
  /** Claim values to Care Desk roles, e.g. `care-admins=admin,care-team=coordinator,audit=auditor`. */
  OIDC_ROLE_MAP: optionalText,
  /** The provider's name on the sign-in button ("Sign in with …"). */
  OIDC_DISPLAY_NAME: z.string().trim().min(1).max(60).default("single sign-on"),
  /** Space-separated scopes asked for; openid is always included. */
  OIDC_SCOPES: z.string().trim().min(1).default("openid email profile"),
  // Operations (docs/operations.md): logs, metrics, background jobs, retention.
  /** pino's level for the JSON log lines on standard output. */
  CARE_DESK_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The bearer token Prometheus sends to GET /api/metrics; unset, the route answers 404. */
  CARE_DESK_METRICS_TOKEN: optionalText.refine((value) => value === undefined || value.length >= 16, {
    message: "CARE_DESK_METRICS_TOKEN must be at least 16 characters (e.g. `openssl rand -hex 24`)",
  }),
  /** `off`: this instance runs no background jobs (the others on the same database still do). */
  CARE_DESK_JOBS: z.enum(["on", "off"]).default("on"),
  /** Per-job schedules instead of the defaults: `name=<cron>;name=<cron>` (croner syntax, UTC; 6 fields for seconds). */
  CARE_DESK_JOB_SCHEDULES: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const schedules: Record<string, string> = {};
      for (const entry of value.split(";").map((part) => part.trim()).filter((part) => part !== "")) {
        const at = entry.indexOf("=");
        const name = entry.slice(0, at).trim();
        const pattern = entry.slice(at + 1).trim();
        if (at <= 0 || pattern === "") {
          ctx.addIssue({ code: "custom", message: `"${entry}" is not name=<cron pattern>` });
          continue;
        }
        try {
          new Cron(pattern, { paused: true }).stop();
        } catch (error) {
          ctx.addIssue({ code: "custom", message: `${name}: "${pattern}" is not a cron pattern (${(error as Error).message})` });
          continue;
        }
        schedules[name] = pattern;
      }
      return schedules;
    }),
  /** Days a processed (or duplicate) delivery keeps its raw body; the consultation data projected from it stays. 0: forever. */
  CARE_DESK_RETENTION_BODY_DAYS: z.coerce.number().int().min(0).max(36_500).default(90),
  /** Days an authenticated sender's refused delivery (400, 413, …) is kept, body and all. 0: forever. */
  CARE_DESK_RETENTION_REFUSED_DAYS: z.coerce.number().int().min(0).max(36_500).default(30),
  /** Days the sampled records of unauthenticated requests are kept. 0: forever. */
  CARE_DESK_RETENTION_UNAUTHENTICATED_DAYS: z.coerce.number().int().min(0).max(36_500).default(7),
  /** The member page flags the same generic drug prescribed again within this many days (docs/dashboard.md). */
  CARE_DESK_REPEAT_PRESCRIPTION_DAYS: z.coerce.number().int().min(1).max(3_660).default(30),
  /** A follow-up task is due this many days after its recommendation's event time (docs/worklist.md). */
  CARE_DESK_FOLLOW_UP_DUE_DAYS: z.coerce.number().int().min(0).max(3_660).default(7),
  /** A referral task is due this many days after its recommendation's event time. */
  CARE_DESK_REFERRAL_DUE_DAYS: z.coerce.number().int().min(0).max(3_660).default(14),
  // Alerts (lib/alerts, docs/alerts.md): each rule's default threshold (0 turns it off; admins
  // override them on /alerts), where notifications go, and the business hours of feed silence.
  /** The instance's own time zone (IANA name): business hours, and the day boundaries of jobs. */
  CARE_DESK_TIME_ZONE: z
    .string()
    .trim()
    .default("UTC")
    .refine((zone) => isKnownTimeZone(zone), { message: "CARE_DESK_TIME_ZONE must be an IANA time zone, e.g. Asia/Amman or UTC" }),
  ALERT_FEED_SILENCE_MINUTES: alertThreshold(60),
  /** Whether feed silence counts only minutes inside ALERT_BUSINESS_HOURS (admins can change it on /alerts). */
  ALERT_FEED_SILENCE_BUSINESS_HOURS_ONLY: z.enum(["true", "false"]).default("false").transform((value) => value === "true"),
  ALERT_BUSINESS_HOURS: z
    .string()
    .trim()
    .default("mon-fri 08:00-18:00")
    .transform((text, context) => {
      const hours = parseBusinessHours(text);
      if (!hours) context.addIssue({ code: "custom", message: "ALERT_BUSINESS_HOURS must look like mon-fri 08:00-18:00" });
      return hours ?? parseBusinessHours("mon-fri 08:00-18:00")!;
    }),
  ALERT_AUTH_FAILURES_PER_10_MIN: alertThreshold(20),
  ALERT_REJECTED_PERCENT: alertThreshold(5),
  ALERT_STUCK_NEW_MINUTES: alertThreshold(30),
  ALERT_STUCK_IN_PROGRESS_HOURS: alertThreshold(4),
  ALERT_CLOSED_WITHOUT_RECOMMENDATION_HOURS: alertThreshold(24),
  /** Contract drift stays firing this many hours after the last never-seen key, status or type. */
  ALERT_CONTRACT_DRIFT_HOURS: alertThreshold(24),
  /** Where firing and resolved alerts are POSTed (a Slack, Teams or Mattermost incoming webhook, or anything that takes JSON). */
  CARE_DESK_ALERT_WEBHOOK_URL: optionalText.refine((value) => value === undefined || /^https?:\/\/[^/\s]+(\/[^\s]*)?$/.test(value), {
    message: "CARE_DESK_ALERT_WEBHOOK_URL must be an absolute http(s) URL",
  }),
});

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export type Env = z.infer<typeof envSchema>;
export type { BusinessHours };

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new Error(`Invalid configuration: ${detail}`);
  }
  return parsed.data;
}

export const env: Env = loadEnv();

/** `next start` runs as production: webhooks without authentication are then refused. */
export const isProduction = env.NODE_ENV === "production";

/** Hosts a dispense link may lead to; empty: any (lib/dispense.ts). */
export const dispenseAllowedHosts: readonly string[] = env.DISPENSE_ALLOWED_HOSTS.map((host) => host.toLowerCase());

/** Shown in the header, page titles and printed prescriptions. */
export const instanceName = env.CARE_DESK_NAME;

/** The configured public address without a trailing slash, if any. */
export const publicBaseUrl = env.CARE_DESK_PUBLIC_URL?.replace(/\/+$/, "");

/** The webhook authentication configured for this instance (secrets decoded once, here). */
export const webhookAuth: AuthConfig = {
  signingSecrets: parseSigningSecrets(env.WEBHOOK_SIGNING_SECRETS),
  bearerToken: env.WEBHOOK_BEARER_TOKEN,
  basicAuth: env.WEBHOOK_BASIC_AUTH,
};

/** Whether any webhook authentication method is set. */
export const webhookAuthConfigured = isAuthConfigured(webhookAuth);

/**
 * Whether this code was compiled by `next dev`. Next.js replaces `process.env.__NEXT_DEV_SERVER`
 * in its bundles at compile time ("1" under `next dev`, "" in a `next build`), so a production
 * build answers false whatever NODE_ENV it is started with; outside Next (tests, scripts) it is
 * unset. NODE_ENV itself never opens the door.
 */
export const isNextDevServer = process.env.__NEXT_DEV_SERVER === "1";

/** Whether POST /api/webhooks takes requests with no authentication: only `next dev` with WEBHOOK_AUTH=none. */
export const allowUnauthenticatedWebhooks = isNextDevServer && env.WEBHOOK_AUTH === "none";

/** What every page's banner warns about: webhooks open to anyone (next dev, WEBHOOK_AUTH=none), or nothing. */
export const webhookAuthState: "open" | null = allowUnauthenticatedWebhooks ? "open" : null;

/** The operator-facing start-up warning, or null. */
export const webhookAuthWarning: string | null = allowUnauthenticatedWebhooks
  ? "WEBHOOK_AUTH=none under next dev: POST /api/webhooks accepts UNAUTHENTICATED requests from anyone who can reach this instance. Never use this outside a development machine."
  : env.WEBHOOK_AUTH === "none"
    ? "WEBHOOK_AUTH=none is ignored: unauthenticated webhooks are accepted only under next dev."
    : null;

/** Whether this instance runs the background jobs (lib/jobs). */
export const jobsEnabled = env.CARE_DESK_JOBS === "on";

/** How long each kind of delivery record is kept, in days (0: forever); see docs/operations.md. */
export const retentionDays = {
  processedBodies: env.CARE_DESK_RETENTION_BODY_DAYS,
  refused: env.CARE_DESK_RETENTION_REFUSED_DAYS,
  unauthenticated: env.CARE_DESK_RETENTION_UNAUTHENTICATED_DAYS,
} as const;
