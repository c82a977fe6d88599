/**
 * `npm run bench:webhooks`: delivers signed Acuity webhooks over loopback, with concurrency,
 * to the production build (next start) backed by real Postgres (DATABASE_URL's server, a
 * scratch database) and the Acuity emulator; prints acknowledgement latency, end-to-end
 * processing rate, and whether the bookings and progress rows match what the events imply.
 *
 * Env: BENCH_EVENTS (10000), BENCH_APPOINTMENTS (2000), BENCH_CONCURRENCY (50),
 * BENCH_ACUITY_RPS (10 = Acuity's real limit; raise it to measure the portal alone),
 * BENCH_ACK_ONLY=1 (the app runs without its webhook worker: acknowledgement alone, no processing),
 * BENCH_WARMUP (1000: signed deliveries of an action the portal ignores, sent first and not timed,
 * then 50 appointments of their own processed by the worker, so the figures are of a warm server
 * — JIT, connection pool, worker — as Acuity meets it in production).
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { seedDemoData } from "@/db/seed/seed";
import { signAcuityWebhook } from "@/lib/acuity";
import { DEMO_APPOINTMENT_TYPES, DEMO_CALENDARS } from "@/lib/acuity/demo-calendars";
import { startAcuityEmulator } from "@/services/acuity-emulator";
import { createScratchDatabase } from "@/tests/support/scratch-database";
import { describeMachine, percentile } from "./machine";

const EVENTS = Number(process.env.BENCH_EVENTS ?? 10_000);
const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS ?? 2_000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const ACUITY_RPS = Number(process.env.BENCH_ACUITY_RPS ?? 10);
const PORT = Number(process.env.BENCH_PORT ?? 3300);
const API_KEY = "bench-api-key";
const ACK_ONLY = process.env.BENCH_ACK_ONLY === "1";
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1_000);
const WARMUP_APPOINTMENTS = 50;

/** Polls until no event waits for processing (or the deadline passes); returns how many still wait. */
async function waitUntilProcessed(withinMs: number): Promise<number> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const pending = Number(
      (await pool.query("SELECT count(*) FROM webhook_events WHERE processed_at IS NULL")).rows[0].count,
    );
    if (pending === 0 || Date.now() > deadline) return pending;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits for the worker, then prints its rate and whether bookings and progress rows match the events. */
async function reportProcessing(started: number, ids: string[], cancelledCount: number) {
  const pending = await waitUntilProcessed(15 * 60_000);
  const processedIn = (performance.now() - started) / 1000;

  const bookingsMade = Number(
    (await pool.query("SELECT count(*) FROM bookings WHERE acuity_appointment_id = ANY($1)", [ids])).rows[0]
      .count,
  );
  const stages = (
    await pool.query(
      `SELECT p.progress, count(*)::int AS n FROM booking_progress p JOIN bookings b ON b.id = p.booking_id
     WHERE b.acuity_appointment_id = ANY($1) GROUP BY p.progress ORDER BY 1`,
      [ids],
    )
  ).rows as { progress: string; n: number }[];
  const cancelledNow = Number(
    (
      await pool.query(
        "SELECT count(*) FROM bookings WHERE acuity_appointment_id = ANY($1) AND current_progress = 'cancelled'",
        [ids],
      )
    ).rows[0].count,
  );
  const failed = Number(
    (await pool.query("SELECT count(*) FROM webhook_events WHERE error IS NOT NULL AND processed_at IS NULL"))
      .rows[0].count,
  );

  console.log(
    `processed end to end in ${processedIn.toFixed(1)} s: ${(EVENTS / processedIn).toFixed(0)} events/s${pending > 0 ? ` — ${pending} STILL PENDING at the deadline` : ""}; failed events: ${failed}`,
  );
  console.log(
    `bookings: ${bookingsMade} (expected ${APPOINTMENTS}); cancelled: ${cancelledNow} (expected ${cancelledCount}); progress rows: ${stages.map((s) => `${s.progress} ${s.n}`).join(", ")} (expected scheduled ${APPOINTMENTS}, cancelled ${cancelledCount})`,
  );
  const consistent =
    bookingsMade === APPOINTMENTS &&
    cancelledNow === cancelledCount &&
    stages.find((s) => s.progress === "scheduled")?.n === APPOINTMENTS &&
    (stages.find((s) => s.progress === "cancelled")?.n ?? 0) === cancelledCount &&
    stages.length <= 2;
  console.log(
    consistent
      ? "consistent: every count equals what the events imply"
      : "INCONSISTENT: counts differ from what the events imply",
  );
  process.exitCode = consistent && pending === 0 ? 0 : 1;
}

if (!fs.existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(2);
}
console.log(`machine: ${describeMachine()}`);
console.log(
  `database: ${process.env.DATABASE_URL ? "Postgres server from DATABASE_URL (scratch database)" : "embedded PostgreSQL (throw-away cluster)"}`,
);
console.log(
  `load: ${EVENTS} webhooks for ${APPOINTMENTS} appointments, concurrency ${CONCURRENCY}, Acuity limit ${ACUITY_RPS} req/s, after ${WARMUP} untimed warm-up deliveries${ACK_ONLY ? "" : ` and ${WARMUP_APPOINTMENTS} warm-up appointments`}`,
);

const scratch = await createScratchDatabase("ime_bench");
const pool = new Pool({ connectionString: scratch.url, max: 4 });
const emulator = await startAcuityEmulator({
  port: 0,
  userId: "5151",
  apiKey: API_KEY,
  firstAppointmentId: 5_000_001,
  limits: { maxPerSecond: Math.max(ACUITY_RPS * 2, 20), maxConcurrent: 100 },
});
let app: ReturnType<typeof spawn> | null = null;

try {
  await migrateDatabase(scratch.url);
  await seedDemoData(drizzle(pool, { schema }), buildDemoBookings(new Date()));

  // Appointments that exist in Acuity (made "directly", no webhooks yet); a fifth are cancelled.
  const makeAppointment = (i: number) => {
    const calendar = DEMO_CALENDARS[i % DEMO_CALENDARS.length]!;
    const day = new Date(Date.now() + (2 + Math.floor(i / 40)) * 86_400_000).toISOString().slice(0, 10);
    return emulator.createAppointmentDirectly({
      calendarID: calendar.id,
      appointmentTypeID: DEMO_APPOINTMENT_TYPES.telehealth.id,
      datetime: `${day}T${String(9 + (i % 6)).padStart(2, "0")}:00:00`,
      firstName: "Bench",
      lastName: `Examinee ${i}`,
      email: `bench${i}@nowhere.example`,
      phone: "2125550100",
    });
  };
  const appointments = Array.from({ length: APPOINTMENTS }, (_, i) => makeAppointment(i));
  // The worker's warm-up: appointments of their own, outside every count below.
  const warmupAppointments = Array.from({ length: WARMUP_APPOINTMENTS }, (_, i) =>
    makeAppointment(APPOINTMENTS + i),
  );
  const cancelled = new Set(appointments.filter((_, i) => i % 5 === 0).map((a) => a.id));
  for (const id of cancelled) emulator.cancelAppointmentDirectly(id);

  // What Acuity would send: every appointment scheduled, cancellations, then `changed` overlaps and repeats.
  const bodies: string[] = [];
  for (const a of appointments)
    bodies.push(
      `action=scheduled&id=${a.id}&calendarID=${a.calendarID}&appointmentTypeID=${a.appointmentTypeID}`,
    );
  for (const id of cancelled) bodies.push(`action=appointment.canceled&id=${id}`);
  for (let i = 0; bodies.length < EVENTS; i++) {
    const a = appointments[(i * 7919) % appointments.length]!;
    bodies.push(`action=${i % 2 ? "changed" : "appointment.changed"}&id=${a.id}&calendarID=${a.calendarID}`);
  }
  bodies.length = EVENTS;
  for (let i = bodies.length - 1; i > 0; i--) {
    const j = (i * 2654435761) % (i + 1); // deterministic shuffle: arrival order is not Acuity's order
    [bodies[i], bodies[j]] = [bodies[j]!, bodies[i]!];
  }

  // Served as `npm start` serves it: the portal server (Next.js plus the webhook fast path).
  app = spawn("node_modules/.bin/tsx", ["scripts/portal-server.ts", "start"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PORT: String(PORT),
      DATABASE_URL: scratch.url,
      DATABASE_POOL_MAX: "20",
      BETTER_AUTH_SECRET: "bench-secret-that-is-long-enough-for-better-auth",
      BETTER_AUTH_URL: `http://localhost:${PORT}`,
      ACUITY_USER_ID: "5151",
      ACUITY_API_KEY: API_KEY,
      ACUITY_BASE_URL: emulator.url,
      ACUITY_MAX_REQUESTS_PER_SECOND: String(ACUITY_RPS),
      WEBHOOK_WORKER: ACK_ONLY ? "off" : "on",
      // Required by a production start; webhooks never touch the object store.
      S3_BUCKET: "bench-unused",
      S3_ENDPOINT: "http://127.0.0.1:9",
      S3_ACCESS_KEY_ID: "bench",
      S3_SECRET_ACCESS_KEY: "bench-secret",
    },
  });
  const url = `http://127.0.0.1:${PORT}/api/webhooks/acuity`;
  for (let ready = false; !ready;) {
    ready = await fetch(`http://127.0.0.1:${PORT}/sign-in`).then(
      (r) => r.ok,
      () => false,
    );
    if (!ready) await new Promise((r) => setTimeout(r, 300));
  }

  // The sender: node:http over kept-alive connections, as cheap a client as possible, because it
  // shares the two cores with the portal (fetch cost ~2 ms of CPU per request here).
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const deliver = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const request = http.request(
        url,
        {
          method: "POST",
          agent,
          headers: {
            "content-type": "application/x-www-form-urlencoded",
            "content-length": Buffer.byteLength(body),
            "x-acuity-signature": signAcuityWebhook(body, API_KEY),
          },
        },
        (response) => {
          response.resume();
          response.on("end", () => resolve(response.statusCode ?? 0));
        },
      );
      request.on("error", reject);
      request.end(body);
    });

  // Stored as ignored (processed, with the reason) and never processed: no booking is touched.
  const warmups = Array.from({ length: WARMUP }, (_, i) => `action=benchmark.warmup&id=${i}`);
  for (let i = 0; i < warmups.length; i += CONCURRENCY)
    await Promise.all(warmups.slice(i, i + CONCURRENCY).map(deliver));
  if (!ACK_ONLY) {
    await Promise.all(
      warmupAppointments.map((a) => deliver(`action=scheduled&id=${a.id}&calendarID=${a.calendarID}`)),
    );
    await waitUntilProcessed(60_000);
  }

  const latencies: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        const t0 = performance.now();
        const status = await deliver(bodies[i]!);
        latencies.push(performance.now() - t0);
        if (status !== 200) failures++;
      }
    }),
  );
  agent.destroy();
  const sentIn = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(
    `acknowledged ${latencies.length} (non-200: ${failures}) in ${sentIn.toFixed(1)} s — p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, p99 ${ms(percentile(latencies, 99))}`,
  );

  // BENCH_ACK_ONLY: nothing processes the events, so there is nothing more to measure.
  if (!ACK_ONLY)
    await reportProcessing(
      started,
      appointments.map((a) => String(a.id)),
      cancelled.size,
    );
} finally {
  app?.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  await pool.end();
  await emulator.stop();
  await scratch.drop().catch(() => {});
}
