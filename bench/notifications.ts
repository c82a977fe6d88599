/**
 * `npm run bench:notifications`: what notifications cost the changes that cause them, and how
 * fast the job engine delivers e-mail. Needs DATABASE_URL (a Postgres server: the benchmark makes
 * and drops its own database there).
 *
 * 1. Enqueue cost, before vs after, in one run. A scratch database with BENCH_BOOKINGS (100,000)
 *    generated bookings (bench/generate-bookings.ts: 200 organizations, 50 specialists) and the demo
 *    world is shared by two probe processes (bench/notification-probe.ts): one in this checkout, one
 *    in a `git archive` of BENCH_BEFORE (the commit before the notifications foundation) — the same
 *    calls, the old code and the new. They take turns (interleaved rounds, alternating who goes
 *    first) at
 *    - booking create end to end (createBooking, Acuity's create over HTTP to the probe's own
 *      emulator) and its transaction alone (booking, progress row, audit, attempt's end — and now
 *      the organization's default recipients and the booked event with its fan-out job), and
 *    - a webhook event processed end to end (processClaimedEvents: the Acuity read, the apply) and
 *      the apply transaction alone, for a new appointment (an acuity_direct booking) and for the
 *      same appointment moved a day (now also the booked / rescheduled event with its job),
 *    and print p50/p95 of each side and the difference. Target: at most 10 % slower. The emulator
 *    answers in about a millisecond, so the end-to-end ratios are the worst case: Acuity itself
 *    takes far longer, and the added milliseconds weigh correspondingly less.
 * 2. Delivery throughput: BENCH_EMAILS (2000) queued e-mails drained by the job engine's e-mail
 *    worker in this process to the local SMTP server (services/local-smtp: real SMTP, each message
 *    written to disk), messages/s — pg-boss's own work() loop (the first version of the engine)
 *    against the portal's worker loop (lib/jobs/worker-loop.ts) at several concurrencies.
 * 3. Fan-out throughput: the notification events part 1 recorded, drained by the portal's fan-out
 *    worker (readers, recipients, in-app rows, e-mails queued): events/s — the work each change
 *    now brings to the worker tier.
 *
 * Env: BENCH_BOOKINGS, BENCH_BEFORE (1393938), BENCH_ROUNDS (20), BENCH_PER_ROUND (25),
 * BENCH_EMAILS, BENCH_SKIP_DELIVERY=1, BENCH_SKIP_ENQUEUE=1, BENCH_DEBUG=1 (the probes' answers).
 */
import { execSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { drizzle } from "drizzle-orm/node-postgres";
import PgBoss from "pg-boss";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { seedDemoData } from "@/db/seed/seed";
import { closeDb } from "@/db/client";
import { deliverOutboxEmail } from "@/lib/email/deliver-email";
import { queueEmail } from "@/lib/email/queue-email";
import { bossOptions, startJobWorkers, stopJobWorkers, type JobWorker } from "@/lib/jobs/job-queue";
import { drainPendingNotificationEvents } from "@/lib/notifications/fan-out-loop";
import { QUEUE_NAMES } from "@/lib/jobs/queues";
import { startLocalSmtp } from "@/services/local-smtp/start-local-smtp";
import { createScratchDatabase } from "@/tests/support/scratch-database";
import { generateBookings, type BenchShape } from "./generate-bookings";
import { describeMachine, percentile } from "./machine";

const SHAPE: BenchShape = {
  bookings: Number(process.env.BENCH_BOOKINGS ?? 100_000),
  organizations: 200,
  specialists: 50,
  teamsPerOrganization: 4,
  membersPerOrganization: 12,
};
const BEFORE = process.env.BENCH_BEFORE ?? "1393938";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const PER_ROUND = Number(process.env.BENCH_PER_ROUND ?? 25);
const EMAILS = Number(process.env.BENCH_EMAILS ?? 2000);
const root = path.resolve(import.meta.dirname, "..");

// ---------------------------------------------------------------- probes

interface Probe {
  name: string;
  child: ChildProcess;
  ask: <T>(command: Record<string, unknown>) => Promise<T>;
}

function startProbe(name: string, cwd: string, databaseUrl: string, firstAppointment: number): Probe {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/notification-probe.ts"], {
    cwd,
    stdio: ["pipe", "pipe", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PROBE_TAG: name,
      PROBE_FIRST_APPOINTMENT: String(firstAppointment),
      LOG_LEVEL: "warn",
      // The probe's own emulator answers at once: the portal's Acuity limiter must not pace it.
      ACUITY_MAX_REQUESTS_PER_SECOND: "10000",
      ACUITY_MAX_IN_FLIGHT: "100",
    },
  });
  const answers = readline.createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  answers.on("line", (line) => {
    if (process.env.BENCH_DEBUG) console.error(`[${name}] ${line.slice(0, 120)}`);
    waiting.shift()?.(line);
  });
  return {
    name,
    child,
    ask: <T>(command: Record<string, unknown>) =>
      new Promise<T>((resolve) => {
        waiting.push((line) => resolve(JSON.parse(line) as T));
        child.stdin!.write(`${JSON.stringify(command)}\n`);
      }),
  };
}

/** The older commit's files, with this checkout's node_modules and the probe copied in. */
function checkoutOf(commit: string): string {
  const dir = path.join(os.tmpdir(), `ime-bench-before-${commit}`);
  if (!fs.existsSync(path.join(dir, "package.json"))) {
    fs.mkdirSync(dir, { recursive: true });
    execSync(`git archive ${commit} | tar -x -C ${dir}`, { cwd: root, stdio: "inherit", shell: "/bin/bash" });
  }
  if (!fs.existsSync(path.join(dir, "node_modules")))
    fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"));
  fs.copyFileSync(
    path.join(root, "bench/notification-probe.ts"),
    path.join(dir, "bench/notification-probe.ts"),
  );
  return dir;
}

const stats = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), n: sorted.length };
};
const pct = (after: number, before: number) =>
  `${after >= before ? "+" : ""}${(((after - before) / before) * 100).toFixed(1)} %`;

function report(label: string, before: number[], after: number[]) {
  const b = stats(before);
  const a = stats(after);
  const verdict = a.p50 <= b.p50 * 1.1 && a.p95 <= b.p95 * 1.1 ? "within 10 %" : "OVER 10 %";
  console.log(
    `  ${label.padEnd(34)} before p50 ${b.p50.toFixed(2)} ms p95 ${b.p95.toFixed(2)} ms | after p50 ${a.p50.toFixed(2)} ms p95 ${a.p95.toFixed(2)} ms | Δ p50 ${pct(a.p50, b.p50)}, p95 ${pct(a.p95, b.p95)} (n=${a.n}) — ${verdict}`,
  );
}

async function enqueueCost(databaseUrl: string) {
  const before = startProbe("before", checkoutOf(BEFORE), databaseUrl, 800_000_000);
  const after = startProbe("after", root, databaseUrl, 900_000_000);
  const probes = [before, after];
  const times = {
    create: { before: [] as number[], after: [] as number[] },
    processCreated: { before: [] as number[], after: [] as number[] },
    processMoved: { before: [] as number[], after: [] as number[] },
    booking: { before: [] as number[], after: [] as number[] },
    created: { before: [] as number[], after: [] as number[] },
    moved: { before: [] as number[], after: [] as number[] },
  };
  // Warm-up: JIT, pools, the system user, caches — not counted.
  for (const probe of probes) {
    await probe.ask({ op: "create", n: 30 });
    await probe.ask({ op: "process", n: 20 });
    await probe.ask({ op: "booking", n: 30 });
    await probe.ask({ op: "webhook", n: 20 });
  }
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? probes : [...probes].reverse();
    for (const probe of order) {
      const side = probe.name as "before" | "after";
      const create = await probe.ask<{ ms: number[] }>({ op: "create", n: PER_ROUND });
      times.create[side].push(...create.ms);
      const processed = await probe.ask<{ created: number[]; moved: number[] }>({
        op: "process",
        n: PER_ROUND,
      });
      times.processCreated[side].push(...processed.created);
      times.processMoved[side].push(...processed.moved);
      const booking = await probe.ask<{ ms: number[] }>({ op: "booking", n: PER_ROUND });
      times.booking[side].push(...booking.ms);
      const webhook = await probe.ask<{ created: number[]; moved: number[] }>({
        op: "webhook",
        n: PER_ROUND,
      });
      times.created[side].push(...webhook.created);
      times.moved[side].push(...webhook.moved);
    }
  }
  for (const probe of probes) {
    const exited = new Promise((resolve) => probe.child.once("exit", resolve));
    probe.child.stdin!.end(`${JSON.stringify({ op: "exit" })}\n`);
    await exited;
  }
  console.log(
    `\nenqueue cost — ${ROUNDS} interleaved rounds × ${PER_ROUND} per side (after 30 + 20 warm-up), before = ${BEFORE}, after = this checkout:`,
  );
  console.log(" end to end (with the Acuity call over loopback HTTP to an emulator that answers at once):");
  report("booking create (createBooking)", times.create.before, times.create.after);
  report("webhook event: new appointment", times.processCreated.before, times.processCreated.after);
  report("webhook event: appointment moved", times.processMoved.before, times.processMoved.after);
  console.log(" the database transaction alone (the part notifications add to):");
  report("booking create (transaction)", times.booking.before, times.booking.after);
  report("webhook apply: new appointment", times.created.before, times.created.after);
  report("webhook apply: appointment moved", times.moved.before, times.moved.after);
}

// ---------------------------------------------------------------- delivery

async function queueEmails(db: ReturnType<typeof drizzle<typeof schema>>, tag: string, count: number) {
  const started = performance.now();
  for (let i = 0; i < count; i++)
    await queueEmail(db, {
      kind: "attention_digest",
      toAddress: `${tag}-${i}@bench.test`,
      payload: {
        items: [
          {
            summary: `Acuity's change to appointment ${i} could not be applied; replay it in Admin → Webhooks.`,
            reason: "webhook.event_gave_up",
            at: new Date().toISOString(),
            bookingId: null,
          },
        ],
      },
    });
  return (performance.now() - started) / 1000;
}

async function waitForSent(pool: Pool, tag: string, count: number, started: number) {
  for (;;) {
    const { rows } = await pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox_emails WHERE status = 'sent' AND to_address LIKE $1",
      [`${tag}-%`],
    );
    if (rows[0]!.n >= count) return (performance.now() - started) / 1000;
    if (performance.now() - started > 15 * 60_000)
      throw new Error(`${tag}: only ${rows[0]!.n} of ${count} sent`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const sendHandler: JobWorker["handler"] = (data, job) =>
  deliverOutboxEmail(String(data.outboxId), { jobId: job.id, lastAttempt: job.retryCount >= job.retryLimit });

/** The engine's first loop: pg-boss work(), a batch per poll, each job completed or failed alone. */
async function drainWithPgBossWork(databaseUrl: string, pool: Pool, tag: string) {
  const boss = new PgBoss(bossOptions(databaseUrl));
  boss.on("error", () => {});
  await boss.start();
  const started = performance.now();
  await boss.work(
    QUEUE_NAMES.sendEmail,
    { batchSize: 10, pollingIntervalSeconds: 1, includeMetadata: true },
    async (jobs: PgBoss.JobWithMetadata[]) => {
      for (const job of jobs) {
        try {
          await sendHandler(job.data as Record<string, unknown>, job);
          await boss.complete(QUEUE_NAMES.sendEmail, job.id);
        } catch (error) {
          await boss.fail(QUEUE_NAMES.sendEmail, job.id, { message: String(error) });
        }
      }
    },
  );
  const seconds = await waitForSent(pool, tag, EMAILS, started);
  await boss.stop({ graceful: true, wait: true, timeout: 5000 });
  return seconds;
}

async function drainWithWorkerLoop(pool: Pool, tag: string, batchSize: number, concurrency: number) {
  const started = performance.now();
  await startJobWorkers([{ queue: QUEUE_NAMES.sendEmail, batchSize, concurrency, handler: sendHandler }], []);
  const seconds = await waitForSent(pool, tag, EMAILS, started);
  await stopJobWorkers(5000);
  return seconds;
}

async function deliveryThroughput(databaseUrl: string, pool: Pool) {
  const db = drizzle(pool, { schema });
  const mailboxDir = fs.mkdtempSync(path.join(os.tmpdir(), "ime-bench-mailbox-"));
  const smtp = await startLocalSmtp({ port: 0, mailboxDir });
  process.env.SMTP_URL = smtp.url;
  process.env.JOB_POLL_MS = "1000";
  process.env.LOG_LEVEL = "warn";
  console.log(
    `\ndelivery: ${EMAILS} e-mails (attention digests, one row each, rendered with React Email) per line, to the local SMTP server (services/local-smtp, each message written to ${os.tmpdir()}); nodemailer pool of 3 connections; JOB_POLL_MS 1000`,
  );
  const configs: { label: string; run: (tag: string) => Promise<number> }[] = [
    {
      label: "pg-boss work(): batch 10, one at a time",
      run: (tag) => drainWithPgBossWork(databaseUrl, pool, tag),
    },
    { label: "worker loop: batch 20, one at a time", run: (tag) => drainWithWorkerLoop(pool, tag, 20, 1) },
    { label: "worker loop: batch 20, 3 at a time", run: (tag) => drainWithWorkerLoop(pool, tag, 20, 3) },
    { label: "worker loop: batch 20, 5 at a time", run: (tag) => drainWithWorkerLoop(pool, tag, 20, 5) },
  ];
  for (const [index, config] of configs.entries()) {
    const tag = `mail${index}`;
    const enqueueSeconds = await queueEmails(db, tag, EMAILS);
    const seconds = await config.run(tag);
    console.log(
      `  ${config.label.padEnd(42)} ${(EMAILS / seconds).toFixed(0).padStart(5)} messages/s (${seconds.toFixed(1)} s; queued at ${(EMAILS / enqueueSeconds).toFixed(0)}/s beforehand)`,
    );
  }
  const received = fs.readdirSync(mailboxDir).filter((name) => !name.startsWith(".")).length;
  console.log(`  the SMTP server received ${received} messages (expected ${EMAILS * configs.length})`);
  await smtp.stop();
  fs.rmSync(mailboxDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------- fan-out

/**
 * The notification events part 1 recorded (the "after" side's bookings and webhook changes),
 * drained by the portal's own fan-out loop (lib/notifications/fan-out-loop.ts): readers and
 * recipients worked out, in-app rows written, e-mails queued (not sent here). This is the work every
 * change now brings to the worker tier, beside the event row it writes.
 */
async function fanOutThroughput(pool: Pool) {
  const pending = async () =>
    (
      await pool.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM notification_events WHERE fanned_out_at IS NULL",
      )
    ).rows[0]!.n;
  const events = await pending();
  if (events === 0) return;
  const before = (
    await pool.query<{ inapp: string; emails: string }>(
      "SELECT (SELECT count(*) FROM notifications) AS inapp, (SELECT count(*) FROM outbox_emails) AS emails",
    )
  ).rows[0]!;
  const started = performance.now();
  await drainPendingNotificationEvents();
  const seconds = (performance.now() - started) / 1000;
  const after = (
    await pool.query<{ inapp: string; emails: string; failed: string }>(
      `SELECT (SELECT count(*) FROM notifications) AS inapp, (SELECT count(*) FROM outbox_emails) AS emails,
              (SELECT count(*) FROM notification_events WHERE fanned_out_at IS NULL) AS failed`,
    )
  ).rows[0]!;
  console.log(
    `
fan-out: the ${events} events recorded above, by the portal's fan-out loop (one event a transaction): ${(events / seconds).toFixed(0)} events/s (${seconds.toFixed(1)} s, ${((seconds * 1000) / events).toFixed(1)} ms an event); ${Number(after.inapp) - Number(before.inapp)} in-app rows and ${Number(after.emails) - Number(before.emails)} e-mails queued; ${after.failed} not fanned out`,
  );
}

// ---------------------------------------------------------------- main

async function main() {
  if (!process.env.DATABASE_URL)
    throw new Error(
      "Set DATABASE_URL to a Postgres server; the benchmark makes (and drops) its own database there.",
    );
  console.log(`machine: ${describeMachine()}`);
  const scratch = await createScratchDatabase("ime_bench_notify");
  const pool = new Pool({ connectionString: scratch.url, max: 4 });
  // The job engine and the e-mail sender of this process (parts 2 and 3) work on it.
  process.env.DATABASE_URL = scratch.url;
  try {
    const {
      rows: [version],
    } = await pool.query<{ server_version: string }>("SHOW server_version");
    console.log(`database: PostgreSQL ${version!.server_version} (DATABASE_URL's server, scratch database)`);
    await migrateDatabase(scratch.url);
    const generated = performance.now();
    await generateBookings(pool, SHAPE);
    // The demo world too: the specialists on the emulator's calendars, a referrer to book as.
    await seedDemoData(drizzle(pool, { schema }), buildDemoBookings(new Date()));
    const {
      rows: [size],
    } = await pool.query<{ n: string; bytes: string }>(
      "SELECT count(*) AS n, pg_size_pretty(pg_total_relation_size('bookings')) AS bytes FROM bookings",
    );
    console.log(
      `data: ${Number(size!.n).toLocaleString("en-US")} bookings (${size!.bytes} with indexes), ${SHAPE.organizations} organizations, ${SHAPE.specialists} specialists; generated in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
    );
    console.log(
      "state machine: scheduled → rescheduled* → no_show | generating_report → report_generated → payment_received; cancelled before the exam",
    );
    if (process.env.BENCH_SKIP_ENQUEUE !== "1") await enqueueCost(scratch.url);
    const {
      rows: [after],
    } = await pool.query<{ events: string; jobs: string; bookings: string }>(
      "SELECT (SELECT count(*) FROM notification_events) AS events, (SELECT count(*) FROM pgboss.job) AS jobs, (SELECT count(*) FROM bookings) AS bookings",
    );
    console.log(
      `  rows now: ${after!.bookings} bookings, ${after!.events} notification events, ${after!.jobs} queued jobs (nothing works the queue during this part)`,
    );
    if (process.env.BENCH_SKIP_DELIVERY !== "1") await deliveryThroughput(scratch.url, pool);
    if (process.env.BENCH_SKIP_ENQUEUE !== "1") await fanOutThroughput(pool);
  } finally {
    await closeDb().catch(() => {});
    await pool.end();
    await scratch.drop();
  }
}

await main();
