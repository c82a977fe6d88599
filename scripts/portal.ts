/**
 * `npm run dev` / `npm run start:embedded`: the portal on one machine with no configuration.
 * Each dependency that has no environment variable gets its embedded default — Postgres
 * (a real PostgreSQL server from npm-shipped binaries, data in .data/postgres), S3 (a
 * signature-checking local server), Acuity (the local emulator), SMTP (a local server that keeps
 * every message it receives in .data/mailbox, shown in Admin → Outbox) — then migrations and demo data
 * are applied and the portal server (scripts/portal-server.ts: Next.js plus the webhook fast
 * path) starts with the resulting environment. Configuration is read like Next reads it (.env
 * files, then the process environment); set DATABASE_URL / S3_ENDPOINT / ACUITY_BASE_URL / SMTP_URL to use
 * real services.
 *
 * However it is stopped — Ctrl-C, SIGTERM or SIGHUP to it or to npm, the terminal closed — it
 * stops everything it started (the server child also exits when this process disappears).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { seedDemoData } from "@/db/seed/seed";
import { readOrCreateAuthSecret } from "@/services/auth-secret";
import { environmentForChild } from "@/lib/config/environment";
import { startCommand } from "@/services/start-command";
import { exitWithParent } from "@/services/exit-with-parent";
import { recordRunningPortal } from "@/services/running-portal";
import { describeServer } from "@/services/database-url";
import { startEmbeddedPostgres } from "@/services/embedded-postgres";
import { DATA_DIR, POSTGRES_DIR } from "@/services/paths";
import { startLocalS3 } from "@/services/s3/start-local-s3";
import { startAcuityEmulator } from "@/services/acuity-emulator";
import { startLocalSmtp } from "@/services/local-smtp/start-local-smtp";
import { demoAcuityAppointments } from "@/services/demo-acuity-appointments";
import { printLine, printProblem } from "@/services/terminal";
import { PRODUCTION_NODE_FLAGS } from "@/services/production-node-flags";

const mode = process.argv[2] === "start" ? "start" : "dev";
// Only a malformed variable stops the launcher: it fills in every missing service itself, and the
// server it starts checks the result (start:embedded: as a production start).
const settings = startCommand(mode === "dev" ? "dev" : "start:embedded", {}, mode === "dev");
const port = String(settings.PORT);
// The server's environment: this process's, plus what the launcher fills in below.
const env: NodeJS.ProcessEnv = environmentForChild({ PORT: port });
const given = { ...env };
const stops: (() => void | Promise<void>)[] = [];
// One plan for the seed and the Acuity emulator, so both agree on every demo appointment.
const demoPlans = buildDemoBookings(new Date());

function log(message: string) {
  printLine(`[portal] ${message}`);
}

async function prepareDatabase() {
  if (!env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({
      dataDir: POSTGRES_DIR,
      port: settings.EMBEDDED_PG_PORT,
    });
    stops.push(embedded.stop);
    env.DATABASE_URL = embedded.url;
    log(`embedded PostgreSQL on ${describeServer(embedded.url)} — data in .data/postgres`);
  } else {
    log(`database: DATABASE_URL (${describeServer(env.DATABASE_URL)})`);
  }
  await migrateDatabase(env.DATABASE_URL);
  const pool = new Pool({ connectionString: env.DATABASE_URL });
  try {
    const seeded = await seedDemoData(drizzle(pool, { schema }), demoPlans, {
      authSecret: env.BETTER_AUTH_SECRET,
    });
    log(seeded ? "demo data loaded (logins in README.md)" : "database ready");
  } finally {
    await pool.end();
  }
}

/** Without S3_ENDPOINT: the local S3 (s3rver behind a signature-verifying proxy), data in .data/s3. */
async function prepareStorage() {
  if (env.S3_ENDPOINT || env.S3_BUCKET) return;
  const local = {
    bucket: "ime-documents",
    accessKeyId: "local-dev-access-key",
    secretAccessKey: "local-dev-secret-key",
    region: "us-east-1",
  };
  const s3 = await startLocalS3({
    ...local,
    port: settings.S3_LOCAL_PORT,
    dataDir: path.join(DATA_DIR, "s3"),
    allowedOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
  });
  stops.push(s3.stop);
  Object.assign(env, {
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: local.bucket,
    S3_ACCESS_KEY_ID: local.accessKeyId,
    S3_SECRET_ACCESS_KEY: local.secretAccessKey,
    S3_REGION: local.region,
  });
  log(`local S3 at ${s3.endpoint} (bucket ${local.bucket}) — data in .data/s3`);
}

/**
 * Without ACUITY_BASE_URL: the local Acuity emulator (state in .data/acuity-emulator.json),
 * sending signed webhooks to this portal. Its credentials are local-only, not secrets.
 */
async function prepareAcuity() {
  if (env.ACUITY_BASE_URL) return;
  env.ACUITY_USER_ID ??= "10001";
  env.ACUITY_API_KEY ??= "local-emulator-api-key";
  const emulator = await startAcuityEmulator({
    port: settings.ACUITY_EMULATOR_PORT,
    userId: env.ACUITY_USER_ID,
    apiKey: env.ACUITY_API_KEY,
    webhookTargets: [`http://localhost:${port}/api/webhooks/acuity`],
    stateFile: path.join(DATA_DIR, "acuity-emulator.json"),
    initialAppointments: demoAcuityAppointments(demoPlans),
  });
  stops.push(emulator.stop);
  env.ACUITY_BASE_URL = emulator.url;
  log(`Acuity emulator at ${emulator.url} (control: ${emulator.controlUrl})`);
}

/**
 * Without SMTP_URL: the local SMTP server, which really receives every e-mail the portal sends
 * and keeps it in .data/mailbox (LOCAL_MAILBOX_DIR moves it); Admin → Outbox shows what it got.
 */
async function prepareMail() {
  if (env.SMTP_URL) {
    log("e-mail: SMTP_URL");
    return;
  }
  const mailbox = await startLocalSmtp({
    port: settings.SMTP_LOCAL_PORT,
    mailboxDir: env.LOCAL_MAILBOX_DIR ?? path.join(DATA_DIR, "mailbox"),
  });
  stops.push(mailbox.stop);
  env.SMTP_URL = mailbox.url;
  env.LOCAL_MAILBOX_DIR = mailbox.mailboxDir;
  log(
    `local SMTP at ${mailbox.url} — mail kept in ${path.relative(process.cwd(), mailbox.mailboxDir) || "."}, shown in Admin → Outbox`,
  );
}

let child: ChildProcess | undefined;
let stopping = false;

function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => {
    if (stopping) return resolve(1);
    child = spawn(command, args, { stdio: "inherit", env });
    child.on("exit", (code) => {
      child = undefined;
      resolve(code ?? 1);
    });
  });
}

/** Stops the server child, then (in main's finally) every embedded service. */
function stopEverything(reason: string) {
  if (stopping) return;
  stopping = true;
  log(`stopping (${reason})`);
  // Still preparing: main() sees `stopping`, starts nothing more, and its finally runs the stops.
  child?.kill("SIGTERM");
  // A server that does not finish within 20 s is not waited for.
  setTimeout(() => child?.kill("SIGKILL"), 20_000).unref();
}
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.on(signal, () => stopEverything(signal));
exitWithParent(() => stopEverything("parent process gone"));

async function main() {
  env.BETTER_AUTH_SECRET ??= readOrCreateAuthSecret();
  env.BETTER_AUTH_URL ??= `http://localhost:${port}`;
  await prepareDatabase();
  await prepareStorage();
  await prepareAcuity();
  await prepareMail();

  const next = path.join("node_modules", ".bin", "next");
  if (mode === "start" && !fs.existsSync(path.join(".next", "BUILD_ID"))) {
    log("no production build yet — running next build");
    const built = await run(next, ["build"]);
    if (stopping) return 1;
    if (built !== 0) return built;
  }
  // Another terminal's one-shot commands (acuity:reconcile, documents:cleanup, the worker, …) find
  // these; the auth secret too, because every audited write MACs its rows with a key derived from it.
  const SHARED = /^(DATABASE_URL|S3_.*|ACUITY_(USER_ID|API_KEY|BASE_URL)|SMTP_URL|BETTER_AUTH_SECRET)$/;
  const filledIn = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => SHARED.test(name) && value && given[name] !== value),
  ) as Record<string, string>;
  const forgetRunningPortal = recordRunningPortal(filledIn);
  stops.push(forgetRunningPortal);
  log(`portal on http://localhost:${port}`);
  // Node itself (tsx as a loader), not the tsx CLI: the CLI would sit between as a second
  // process, and the server could not notice this launcher disappearing.
  // A production start gets the image's heap sizes (services/production-node-flags.ts). Dev
  // compiles in-process and keeps V8's defaults.
  const heap = mode === "start" ? PRODUCTION_NODE_FLAGS : [];
  return run(process.execPath, [...heap, "--import", "tsx", path.join("scripts", "portal-server.ts"), mode]);
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  printProblem(`[portal] failed to start: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  for (const stop of stops.reverse()) {
    try {
      await stop();
    } catch {
      // One stop failing must not keep the others from running.
    }
  }
}
process.exit(exitCode);
