import { z } from "zod";
import {
  commaList,
  cronExpression,
  httpUrl,
  ianaTimeZone,
  onOff,
  portNumber,
  urlWithScheme,
  wholeNumber,
} from "./values";

/**
 * Every environment variable the portal and its commands read, declared once: its type (the
 * zod schema turns the string into the value code reads), its default, and what it means.
 * `default` and `meaning` are the README's Configuration table cells word for word, and each
 * variable has a line in .env.example (tests/unit/config-docs.test.ts keeps all three in step).
 * An empty value (`NAME=` in a .env file) counts as unset.
 *
 * Adding a variable: declare it here, then add its README row and its .env.example line — the
 * test prints the row it expects.
 */
export interface VariableDoc<S extends z.ZodType = z.ZodType> {
  schema: S;
  /** README "default" cell: the value, or what happens when it is unset. */
  default: string;
  /** README "meaning" cell. */
  meaning: string;
  /** The portal server refuses a production start without it (lib/config/startup.ts). */
  requiredInProduction?: true;
}

const variable = <S extends z.ZodType>(doc: VariableDoc<S>) => doc;

const LOG_LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export const VARIABLES = {
  // The process
  NODE_ENV: variable({
    schema: z
      .enum(["development", "production", "test"], { error: "must be development, production or test" })
      .default("development"),
    default: "`development` (`npm start`, `npm run start:embedded`: `production`)",
    meaning:
      "`production` makes the variables marked required below mandatory: a start without them stops and lists them",
  }),
  PORT: variable({
    schema: portNumber().default(3000),
    default: "`3000`",
    meaning: "port of the portal",
  }),
  LOG_LEVEL: variable({
    schema: z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
    default: "`info`",
    meaning:
      "lowest level written to the log: `trace`, `debug`, `info`, `warn`, `error`, `fatal` or `silent`",
  }),
  LOG_FORMAT: variable({
    // Unset: resolved from NODE_ENV in config.ts (json in production, pretty otherwise).
    schema: z.enum(["json", "pretty"], { error: "must be json or pretty" }).optional(),
    default: "`json` when `NODE_ENV` is `production`, else `pretty`",
    meaning:
      "`json`: one JSON object per line (for a log collector); `pretty`: coloured lines for a terminal",
  }),

  // Database
  DATABASE_URL: variable({
    schema: urlWithScheme(["postgres", "postgresql"]).optional(),
    default: "embedded PostgreSQL, cluster in `.data/postgres`",
    meaning: "Postgres connection string; required in production",
    requiredInProduction: true,
  }),
  DATABASE_POOL_MAX: variable({
    schema: wholeNumber({ min: 1 }).default(10),
    default: "`10`",
    meaning: "connections per app process",
  }),
  EMBEDDED_PG_PORT: variable({
    schema: portNumber().default(0),
    default: "`0` (any free port)",
    meaning: "port of the embedded PostgreSQL server (on 127.0.0.1)",
  }),

  // Sign-in
  BETTER_AUTH_SECRET: variable({
    schema: z.string().min(32, "must be at least 32 characters").optional(),
    default: "generated into `.data/auth-secret` by `npm run dev`",
    meaning: "session signing secret, ≥ 32 characters; required in production",
    requiredInProduction: true,
  }),
  BETTER_AUTH_URL: variable({
    schema: httpUrl().default("http://localhost:3000"),
    default: "`http://localhost:3000`",
    meaning: "public URL of the portal (cookies, redirects, origin check); required in production",
    requiredInProduction: true,
  }),
  BETTER_AUTH_TRUSTED_ORIGINS: variable({
    schema: commaList().default(() => []),
    default: "—",
    meaning: "extra origins allowed to call `/api/auth`, comma-separated",
  }),
  AUTH_SIGN_IN_RATE_LIMIT: variable({
    schema: wholeNumber({ min: 1 }).default(10),
    default: "`10`",
    meaning: "sign-in attempts per client IP per minute (stored in the database, so shared by all instances)",
  }),
  TRUSTED_PROXY_HOPS: variable({
    schema: wholeNumber({ min: 0, max: 99 }).default(0),
    default: "`0` — none: the connection's address is the client",
    meaning:
      "how many reverse proxies in front of the portal append the client's address to `X-Forwarded-For`; the client is then the address the outermost of them saw (the Nth entry from the right, the connection counting as the first). The sign-in rate limit and the audit trail use this one address. Set exactly the number of proxies: one too many lets a client choose its address",
  }),

  // Document storage
  S3_ENDPOINT: variable({
    schema: httpUrl().optional(),
    default: "local S3 on `S3_LOCAL_PORT`",
    meaning: "S3-compatible endpoint (MinIO, R2); unset with `S3_BUCKET` set = AWS",
  }),
  S3_REGION: variable({
    schema: z.string().default("us-east-1"),
    default: "`us-east-1`",
    meaning: "region",
  }),
  S3_BUCKET: variable({
    schema: z.string().optional(),
    default: "`ime-documents` (local)",
    meaning: "bucket for documents; required in production",
    requiredInProduction: true,
  }),
  S3_ACCESS_KEY_ID: variable({
    schema: z.string().optional(),
    default: "local dev keys",
    meaning:
      "access key; set both keys or neither (neither: AWS's default credential chain, only without `S3_ENDPOINT`)",
  }),
  S3_SECRET_ACCESS_KEY: variable({
    schema: z.string().optional(),
    default: "local dev keys",
    meaning: "secret key belonging to `S3_ACCESS_KEY_ID`",
  }),
  S3_FORCE_PATH_STYLE: variable({
    schema: onOff().optional(),
    default: "`true` when `S3_ENDPOINT` is set",
    meaning: "path-style addressing (`true`/`false`)",
  }),
  S3_LOCAL_PORT: variable({
    schema: portNumber().default(4020),
    default: "`4020`",
    meaning: "port of the local S3",
  }),
  S3_LOCAL_HOST: variable({
    schema: z.string().default("127.0.0.1"),
    default: "`127.0.0.1`",
    meaning: "interface the standalone local S3 (`services/s3/cli.ts`) listens on",
  }),
  S3_LOCAL_DATA_DIR: variable({
    schema: z.string().default(".data/s3"),
    default: "`.data/s3`",
    meaning: "folder of the standalone local S3's objects",
  }),
  S3_ALLOWED_ORIGINS: variable({
    schema: commaList().default(() => ["http://localhost:3000", "http://127.0.0.1:3000"]),
    default: "`http://localhost:3000,http://127.0.0.1:3000`",
    meaning: "browser origins the standalone local S3's CORS answers, comma-separated",
  }),

  // Acuity
  ACUITY_USER_ID: variable({
    schema: z.string().regex(/^\d+$/, "must be Acuity's numeric user id").optional(),
    default: "`10001` under `npm run dev` (the emulator's); none in production",
    meaning: "Acuity basic auth: the numeric user id; required in production",
    requiredInProduction: true,
  }),
  ACUITY_API_KEY: variable({
    schema: z.string().optional(),
    default: "`local-emulator-api-key` under `npm run dev` (the emulator's); none in production",
    meaning: "Acuity basic auth: the API key, which also signs webhooks; required in production",
    requiredInProduction: true,
  }),
  ACUITY_BASE_URL: variable({
    schema: httpUrl().default("https://acuityscheduling.com/api/v1"),
    default:
      "`https://acuityscheduling.com/api/v1`; `npm run dev`: the local emulator on `ACUITY_EMULATOR_PORT`",
    meaning: "Acuity API base URL",
  }),
  ACUITY_TIMEOUT_MS: variable({
    schema: wholeNumber({ min: 1 }).default(10_000),
    default: "`10000`",
    meaning: "per-attempt timeout of every Acuity call (ms)",
  }),
  ACUITY_ORGANIZATION_FIELD_ID: variable({
    schema: wholeNumber({ min: 1 }).optional(),
    default: "—",
    meaning:
      "Acuity intake-form field whose value names the organization of a booking made directly in Acuity",
  }),
  // The demo ids the emulator serves (DEMO_APPOINTMENT_TYPES in lib/acuity/demo-calendars.ts).
  ACUITY_IN_PERSON_TYPE_ID: variable({
    schema: wholeNumber({ min: 1 }).default(501),
    default: "`501` (the demo id)",
    meaning: "Acuity appointment type of in-person examinations",
  }),
  ACUITY_TELEHEALTH_TYPE_ID: variable({
    schema: wholeNumber({ min: 1 }).default(502),
    default: "`502` (the demo id)",
    meaning: "Acuity appointment type of telehealth examinations",
  }),
  ACUITY_MAX_REQUESTS_PER_SECOND: variable({
    schema: wholeNumber({ min: 1 }).default(10),
    default: "`10`",
    meaning: "this process's share of Acuity's limit of 10 requests/s per account",
  }),
  ACUITY_MAX_IN_FLIGHT: variable({
    schema: wholeNumber({ min: 1 }).default(20),
    default: "`20`",
    meaning: "this process's share of Acuity's limit of 20 requests in flight per account",
  }),
  ACUITY_EMULATOR_PORT: variable({
    schema: portNumber().default(4010),
    default: "`4010`",
    meaning: "port of the local Acuity emulator",
  }),
  ACUITY_EMULATOR_HOST: variable({
    schema: z.string().default("127.0.0.1"),
    default: "`127.0.0.1`",
    meaning: "interface the standalone emulator (`services/acuity-emulator/cli.ts`) listens on",
  }),
  ACUITY_WEBHOOK_TARGETS: variable({
    schema: commaList(httpUrl()).default(() => []),
    default: "—",
    meaning: "URLs the standalone emulator sends its webhooks to, comma-separated",
  }),
  ACUITY_EMULATOR_STATE_FILE: variable({
    schema: z.string().optional(),
    default: "— (state in memory)",
    meaning: "file the standalone emulator keeps its appointments in",
  }),

  // Background work
  WEBHOOK_WORKER: variable({
    schema: onOff().default(true),
    default: "`on`",
    meaning:
      "`off` stops the webhook worker in this process, web or worker (`BACKGROUND_JOBS=off` is the switch for a web tier beside `npm run worker`)",
  }),
  UPLOAD_CLEANUP: variable({
    schema: onOff().default(true),
    default: "`on`",
    meaning:
      "`off` removes the hourly cleanup of unconfirmed uploads from the job engine's schedules (when cron runs `npm run documents:cleanup` instead); set it alike on every instance",
  }),
  BACKGROUND_JOBS: variable({
    schema: onOff().default(true),
    default: "`on`",
    meaning:
      "`off`: this web instance runs no background job (webhook inbox, abandoned-appointment cancels, upload cleanup) — for web instances beside `npm run worker`, which runs them whatever this says",
  }),
  WEBHOOK_LEASE_SECONDS: variable({
    schema: wholeNumber({ min: 1 }).default(60),
    default: "`60`",
    meaning:
      "how long a claimed webhook event is hidden from other workers; a worker killed outright has its events taken over after this",
  }),
  WEBHOOK_POLL_MS: variable({
    schema: wholeNumber({ min: 50 }).default(1000),
    default: "`1000`",
    meaning:
      "how often an idle worker looks for due webhook events it was not woken for (another instance's deliveries, retries)",
  }),
  SHUTDOWN_GRACE_MS: variable({
    schema: wholeNumber({ min: 0 }).default(25_000),
    default: "`25000`",
    meaning:
      "on SIGTERM, how long the portal server waits for requests in flight and a worker for the jobs in hand before exiting",
  }),
  JOB_POLL_MS: variable({
    schema: wholeNumber({ min: 500 }).default(1000),
    default: "`1000`",
    meaning:
      "how often a worker asks the job engine (pg-boss) for e-mails and notifications to deliver; also the most a new one waits",
  }),
  JOB_LEASE_SECONDS: variable({
    schema: wholeNumber({ min: 5 }).default(120),
    default: "`120`",
    meaning:
      "how long a job taken by a worker is hidden from the others; a job of a worker that died is retried after it",
  }),
  EMAIL_RETRY_LIMIT: variable({
    schema: wholeNumber({ min: 0 }).default(10),
    default: "`10`",
    meaning:
      "how many times an e-mail the SMTP server refused or could not take is tried again before it is `failed`",
  }),
  EMAIL_RETRY_DELAY_SECONDS: variable({
    schema: wholeNumber({ min: 1 }).default(30),
    default: "`30`",
    meaning: "the wait before an e-mail's first retry; each further retry waits about twice as long",
  }),
  DIGEST_CRON: variable({
    schema: cronExpression("0 7 * * *").default("0 7 * * *"),
    default: "`0 7 * * *`",
    meaning:
      "when the daily digests go out (specialists' reports owed, admins' what needs a person), read in `DIGEST_TIME_ZONE`; one run across all instances",
  }),
  DIGEST_TIME_ZONE: variable({
    schema: ianaTimeZone().default("America/New_York"),
    default: "`America/New_York`",
    meaning:
      "the zone `DIGEST_CRON` is read in, and whose calendar day a digest covers (one digest per person per such day)",
  }),

  // The audit trail's seals (lib/audit-seal)
  AUDIT_SEAL_KEY: variable({
    schema: z.string().min(32, "must be at least 32 characters").optional(),
    default: "derived from `BETTER_AUTH_SECRET`",
    meaning:
      "key of the audit trail's MACs and seals, ≥ 32 characters; the same on every instance and the worker. Keep it out of the database's reach: whoever holds it can forge a chain. Changing it (or `BETTER_AUTH_SECRET` while this is unset) makes every earlier seal fail verification",
  }),
  AUDIT_SEALER: variable({
    schema: onOff().default(true),
    default: "`on`",
    meaning:
      "`off` stops sealing new audit rows in this process (rows keep their MAC and are sealed by any instance where it is on)",
  }),
  AUDIT_SEAL_INTERVAL_MS: variable({
    schema: wholeNumber({ min: 100 }).default(2000),
    default: "`2000`",
    meaning: "how often the sealer seals the audit rows written since its last pass (ms)",
  }),
  AUDIT_VERIFY_CRON: variable({
    schema: cronExpression("30 3 * * *").default("30 3 * * *"),
    default: "`30 3 * * *`",
    meaning:
      "when the daily verification of the audit trail runs (UTC); a failure is told to the admins (in-app and their digest)",
  }),

  // E-mail
  SMTP_URL: variable({
    schema: urlWithScheme(["smtp", "smtps"]).optional(),
    default:
      "`npm run dev`: the local SMTP server on `SMTP_LOCAL_PORT`; otherwise — (e-mails stay queued in Admin → Outbox and fail after their retries)",
    meaning:
      "where e-mails are sent: `smtp://host:587` (STARTTLS required when it carries `user:pass@`) or `smtps://user:pass@host:465`",
  }),
  SMTP_FROM: variable({
    schema: z.string().default("IME Portal <no-reply@ime-portal.local>"),
    default: "`IME Portal <no-reply@ime-portal.local>`",
    meaning: "sender of every e-mail; its domain ends the Message-IDs",
  }),
  SMTP_LOCAL_PORT: variable({
    schema: portNumber().default(2525),
    default: "`2525`",
    meaning:
      "port of the local SMTP server `npm run dev` starts when `SMTP_URL` is unset (mail kept in `.data/mailbox`)",
  }),
  LOCAL_MAILBOX_DIR: variable({
    schema: z.string().optional(),
    default: "— (`npm run dev` without `SMTP_URL`: `.data/mailbox`)",
    meaning:
      "folder of the local SMTP server's received mail, shown in Admin → Outbox; set by the launcher and the tests, unset in production",
  }),

  // Invoices (lib/billing/invoices)
  BILLING_PROVIDER_NAME: variable({
    schema: z.string().min(1).default("IME Portal"),
    default: "`IME Portal`",
    meaning: "the provider's name at the head of every invoice and credit note PDF",
  }),
  BILLING_PROVIDER_DETAILS: variable({
    schema: z.string().optional(),
    default: "—",
    meaning:
      "the lines under that name (address, tax number), separated by `;`, e.g. `1 Harbour St, Boston MA; Tax no. 12-3456789`",
  }),
  BILLING_TIME_ZONE: variable({
    schema: ianaTimeZone().default("America/New_York"),
    default: "`America/New_York`",
    meaning:
      "the zone whose calendar days an invoice's period covers and its dates are written in; the year of an invoice number is the issue date's year there",
  }),
  INVOICE_PAYMENT_DAYS: variable({
    schema: wholeNumber({ min: 0 }).default(30),
    default: "`30`",
    meaning: "days from an invoice's issue to its due date",
  }),

  // Commands
  IME_RUNNING_PORTAL_FILE: variable({
    schema: z.string().optional(),
    default: "`.data/running-portal.json`",
    meaning:
      "where `npm run dev` records the services it started for commands run in another terminal (tests move it)",
  }),
} satisfies Record<string, VariableDoc>;

export type VariableName = keyof typeof VARIABLES;
export const VARIABLE_NAMES = Object.keys(VARIABLES) as VariableName[];
