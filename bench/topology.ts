/**
 * `npm run bench:topology`: the production topology on loopback, with one worker killed outright —
 * and the counts that show every effect happened exactly once.
 *
 *   one Postgres (DATABASE_URL's server, a scratch database made and dropped here), one local S3
 *   (services/s3), the Acuity emulator; 3 web instances of the production build started as
 *   `npm start` starts them (scripts/portal-server.ts start, BACKGROUND_JOBS=off, distinct ports)
 *   and 2 worker processes (scripts/worker.ts, as `npm run worker`), each reaching Acuity through a
 *   counting pass-through proxy so the script can tell which worker is busy.
 *
 * The run, step by step:
 *   start     scratch database migrated and seeded; S3, emulator, 3 web + 2 workers; every web
 *             instance answers /api/ready 200
 *   stream    a shuffled stream of operations, a few at a time: appointments created, rescheduled
 *             and cancelled directly in Acuity (the emulator's control API; each change's webhook
 *             goes to the next web instance in turn, some delivered twice), and portal bookings made
 *             over HTTP through the web instances (sign-in cookie, the booking server action invoked
 *             with its Next-Action id; some forms submitted twice, to two instances at once)
 *   kill      halfway, once worker A is reading Acuity with events leased: SIGKILL worker A
 *   drain     wait until Acuity's deliveries are settled and the inbox holds no unprocessed event
 *             (worker B takes A's events over when their lease runs out)
 *   count     Acuity appointments vs bookings, events processed, progress / audit rows per change,
 *             bookings per form, leases taken over; exit 1 when any count is off
 *
 * Data size (defaults): 60 appointments made directly in Acuity, a third of them rescheduled and a
 * quarter cancelled; 20 portal bookings, 5 of their forms submitted twice; 15 webhooks delivered
 * twice — about 130 webhook deliveries.
 *
 * Env: TOPO_DIRECT (60), TOPO_BOOKINGS (20), TOPO_LEASE_SECONDS (20: WEBHOOK_LEASE_SECONDS of the
 * workers, so the killed worker's events come back within the run — still longer than a batch of
 * 100 events takes at the workers' Acuity limit, or a live worker's lease would run out),
 * TOPO_WORKER_ACUITY_RPS (8: each worker's Acuity limit, which keeps the workers busy long enough
 * to be killed mid-batch),
 * TOPO_PORT (3400: web instances on 3400-3402).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { seedDemoData } from "@/db/seed/seed";
import { parseAcuityDatetime } from "@/lib/acuity/datetime";
import { DEMO_APPOINTMENT_TYPES, DEMO_CALENDARS } from "@/lib/acuity/demo-calendars";
import { startAcuityEmulator } from "@/services/acuity-emulator";
import { startLocalS3 } from "@/services/s3/start-local-s3";
import { createScratchDatabase } from "@/tests/support/scratch-database";
import { describeMachine } from "./machine";

const DIRECT = Number(process.env.TOPO_DIRECT ?? 60);
const BOOKINGS = Number(process.env.TOPO_BOOKINGS ?? 20);
const DOUBLE_SUBMITS = Math.min(5, BOOKINGS);
const DUPLICATE_WEBHOOKS = 15;
const LEASE_SECONDS = Number(process.env.TOPO_LEASE_SECONDS ?? 20);
const WORKER_ACUITY_RPS = Number(process.env.TOPO_WORKER_ACUITY_RPS ?? 8);
const BASE_PORT = Number(process.env.TOPO_PORT ?? 3400);
const WEB_INSTANCES = 3;
const API_KEY = "topology-api-key";
const USER_ID = "6161";
const FIRST_APPOINTMENT_ID = 7_000_001;
const BOOKER = "motor@northwind.test";
/** The run's events: about appointments the emulator numbered for this run (the seed has its own). */
const RUN_EVENTS = `CASE WHEN resource_id ~ '^[0-9]{1,15}$' THEN resource_id::bigint >= ${FIRST_APPOINTMENT_ID} ELSE false END`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A deterministic shuffle (the run is repeatable; arrival order is still not Acuity's order). */
function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}
const random = seededRandom(12);

/** Forwards every request to Acuity (the emulator) and counts them: which worker is reading now. */
async function startCountingProxy(target: URL) {
  const traffic = { inFlight: 0, total: 0 };
  const server = http.createServer((req, res) => {
    traffic.inFlight += 1;
    traffic.total += 1;
    res.once("close", () => (traffic.inFlight -= 1));
    const upstream = http.request(
      { host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    // The killed worker's connections die mid-request: drop them, never crash the run.
    upstream.on("error", () => res.destroy());
    req.on("error", () => upstream.destroy());
    req.pipe(upstream);
  });
  server.on("clientError", (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    traffic,
    url: `http://127.0.0.1:${port}/api/v1`,
    stop: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

// ── start ────────────────────────────────────────────────────────────────────────────────────
if (!fs.existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(2);
}
if (!process.env.DATABASE_URL) {
  console.error(
    "Set DATABASE_URL to a Postgres server; the benchmark makes (and drops) its own database there.",
  );
  process.exit(2);
}
console.log(`machine: ${describeMachine()}`);
console.log(
  `topology: ${WEB_INSTANCES} web instances (BACKGROUND_JOBS=off) + 2 workers, one Postgres (scratch database), one local S3, the Acuity emulator; lease ${LEASE_SECONDS} s`,
);
console.log(
  `load: ${DIRECT} appointments made directly in Acuity (rescheduled, cancelled), ${BOOKINGS} portal bookings over HTTP (${DOUBLE_SUBMITS} forms sent twice), ${DUPLICATE_WEBHOOKS} webhooks delivered twice`,
);

const scratch = await createScratchDatabase("ime_topology");
const pool = new Pool({ connectionString: scratch.url, max: 4 });
const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), "ime-topology-s3-"));
const s3Secrets = {
  bucket: "ime-topology",
  accessKeyId: "topology-access-key",
  secretAccessKey: "topology-secret-key",
  region: "us-east-1",
};
const s3 = await startLocalS3({ port: 0, dataDir: s3Dir, allowedOrigins: [], ...s3Secrets });
const emulator = await startAcuityEmulator({
  port: 0,
  userId: USER_ID,
  apiKey: API_KEY,
  firstAppointmentId: FIRST_APPOINTMENT_ID,
  // Generous: the workers' own limiter paces them; the emulator never answers 429 here.
  limits: { maxPerSecond: 200, maxConcurrent: 100 },
});
const proxies = [
  await startCountingProxy(new URL(emulator.url)),
  await startCountingProxy(new URL(emulator.url)),
];
const children: ChildProcess[] = [];
const webUrls = Array.from({ length: WEB_INSTANCES }, (_, i) => `http://127.0.0.1:${BASE_PORT + i}`);

function commonEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: scratch.url,
    BETTER_AUTH_SECRET: "topology-secret-that-is-long-enough-for-better-auth",
    ACUITY_USER_ID: USER_ID,
    ACUITY_API_KEY: API_KEY,
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3Secrets.bucket,
    S3_REGION: s3Secrets.region,
    S3_ACCESS_KEY_ID: s3Secrets.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3Secrets.secretAccessKey,
  };
}

/** Output goes to a log file per process (printed on failure), not to this terminal. */
function startProcess(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const log = fs.openSync(path.join(os.tmpdir(), `ime-topology-${name}.log`), "w");
  const child = spawn(process.execPath, ["--import", "tsx", ...args], { stdio: ["ignore", log, log], env });
  children.push(child);
  return child;
}

async function waitUntilReady(url: string, withinMs = 120_000) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const status = await fetch(`${url}/api/ready`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline)
      throw new Error(`${url} was not ready within ${withinMs / 1000} s (last: ${status})`);
    await sleep(300);
  }
}

const count = async (query: string, params: unknown[] = []) =>
  Number((await pool.query<{ n: string }>(query, params)).rows[0]!.n);

let exitCode = 1;
try {
  await migrateDatabase(scratch.url);
  await seedDemoData(drizzle(pool, { schema }), buildDemoBookings(new Date()));

  webUrls.forEach((url, i) =>
    startProcess(`web-${i + 1}`, ["scripts/portal-server.ts", "start"], {
      ...commonEnv(),
      PORT: String(BASE_PORT + i),
      BETTER_AUTH_URL: url,
      ACUITY_BASE_URL: emulator.url,
      BACKGROUND_JOBS: "off",
    }),
  );
  const workers = proxies.map((proxy, i) =>
    startProcess(`worker-${"AB"[i]}`, ["scripts/worker.ts"], {
      ...commonEnv(),
      ACUITY_BASE_URL: proxy.url,
      ACUITY_MAX_REQUESTS_PER_SECOND: String(WORKER_ACUITY_RPS),
      WEBHOOK_LEASE_SECONDS: String(LEASE_SECONDS),
      WEBHOOK_POLL_MS: "250",
    }),
  );
  let started = performance.now();
  await Promise.all(webUrls.map((url) => waitUntilReady(url)));
  console.log(
    `start: ${WEB_INSTANCES} web instances ready (/api/ready 200, /api/health 200) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  for (const url of webUrls) {
    const health = await fetch(`${url}/api/health`);
    if (health.status !== 200) throw new Error(`${url}/api/health answered ${health.status}`);
  }

  // Signed in once over HTTP; the session (in Postgres) is good on every instance.
  const signIn = await fetch(`${webUrls[0]}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: webUrls[0]! },
    body: JSON.stringify({ email: BOOKER, password: DEMO_PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`sign-in answered ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((c) => c.split(";", 1)[0])
    .join("; ");
  const createBookingActionId = findActionId("app/(portal)/bookings/new/page", "createBookingAction");

  const booker = (
    await pool.query<{ user_id: string; organization_id: string; team_id: string | null }>(
      `SELECT m.user_id, m.organization_id,
         (SELECT tm.team_id FROM team_members tm WHERE tm.user_id = m.user_id LIMIT 1) AS team_id
       FROM members m JOIN users u ON u.id = m.user_id WHERE u.email = $1`,
      [BOOKER],
    )
  ).rows[0]!;
  const telehealthSpecialists = (
    await pool.query<{ id: string; acuity_calendar_id: string }>(
      "SELECT id, acuity_calendar_id FROM specialists ORDER BY acuity_calendar_id",
    )
  ).rows;
  const slots = await freePortalSlots(
    telehealthSpecialists.map((s) => Number(s.acuity_calendar_id)),
    BOOKINGS,
  );
  const specialistOfCalendar = new Map(
    telehealthSpecialists.map((s) => [Number(s.acuity_calendar_id), s.id]),
  );

  // ── stream ─────────────────────────────────────────────────────────────────────────────────
  /** Per appointment made directly: its steps in order; across appointments the steps interleave. */
  const direct = Array.from({ length: DIRECT }, (_, i) => ({
    index: i,
    id: 0,
    steps: ["create", ...(i % 3 === 1 ? ["reschedule"] : []), ...(i % 4 === 2 ? ["cancel"] : [])],
    /** Moves and cancellations made in Acuity: the most progress rows a booking may get beyond its first. */
    changes: 0,
  }));
  type Operation =
    { kind: "direct"; appointment: (typeof direct)[number] } | { kind: "booking"; index: number };
  const operations: Operation[] = [];
  const pending = [
    ...direct.map((appointment) => ({ appointment, left: appointment.steps.length })),
    ...Array.from({ length: BOOKINGS }, (_, index) => ({ booking: index, left: 1 })),
  ];
  while (pending.length > 0) {
    const pick = Math.floor(random() * pending.length);
    const entry = pending[pick]!;
    operations.push(
      "appointment" in entry
        ? { kind: "direct", appointment: entry.appointment }
        : { kind: "booking", index: entry.booking },
    );
    if (--entry.left === 0) pending.splice(pick, 1);
  }

  let turn = 0;
  const nextTarget = () => `${webUrls[turn++ % WEB_INSTANCES]}/api/webhooks/acuity`;
  let duplicatesLeft = DUPLICATE_WEBHOOKS;
  const stepOf = new Map<(typeof direct)[number], number>();
  const dayOf = (i: number, extra = 0) =>
    new Date(Date.now() + (40 + Math.floor(i / 6) + extra) * 86_400_000).toISOString().slice(0, 10);

  function directStep(appointment: (typeof direct)[number]) {
    const step = appointment.steps[stepOf.get(appointment) ?? 0]!;
    stepOf.set(appointment, (stepOf.get(appointment) ?? 0) + 1);
    // Acuity sends each change's webhook to the next web instance; now and then twice.
    emulator.setWebhookTargets([nextTarget()]);
    if (duplicatesLeft > 0 && random() < 0.2) {
      duplicatesLeft -= 1;
      emulator.duplicateNextWebhook(1);
    }
    const calendar = DEMO_CALENDARS[appointment.index % DEMO_CALENDARS.length]!;
    const hour = String(9 + (appointment.index % 6)).padStart(2, "0");
    if (step === "create") {
      appointment.id = emulator.createAppointmentDirectly({
        calendarID: calendar.id,
        appointmentTypeID: DEMO_APPOINTMENT_TYPES.telehealth.id,
        datetime: `${dayOf(appointment.index)}T${hour}:00:00`,
        firstName: "Topology",
        lastName: `Examinee ${appointment.index}`,
        email: `topology${appointment.index}@nowhere.example`,
        phone: "2125550100",
      }).id;
    } else if (step === "reschedule") {
      emulator.changeAppointmentDirectly(appointment.id, {
        datetime: `${dayOf(appointment.index, 1)}T${hour}:00:00`,
      });
      appointment.changes += 1;
    } else {
      emulator.cancelAppointmentDirectly(appointment.id);
      appointment.changes += 1;
    }
  }

  /** The booking form's server action, invoked over HTTP on a web instance as the browser does. */
  async function submitBooking(webUrl: string, form: Record<string, unknown>) {
    const response = await fetch(`${webUrl}/bookings/new`, {
      method: "POST",
      headers: {
        accept: "text/x-component",
        "content-type": "text/plain;charset=UTF-8",
        "next-action": createBookingActionId,
        origin: webUrl,
        cookie,
      },
      body: JSON.stringify([form]),
    });
    const text = await response.text();
    const result = actionResultIn(text);
    if (!result?.ok)
      throw new Error(
        `booking over ${webUrl} failed (${response.status}): ${result ? result.error : text.slice(0, 300)}`,
      );
    return result.data as { bookingId: string; alreadyBooked: boolean };
  }

  const bookingForms = slots.map((slot, i) => ({
    idempotencyKey: randomUUID(),
    specialistId: specialistOfCalendar.get(slot.calendarId)!,
    appointmentType: "telehealth",
    datetime: slot.time,
    organizationId: booker.organization_id,
    teamId: booker.team_id ?? "",
    examineeName: `Topology Booking ${i}`,
    examineePhone: "(212) 555-0142",
  }));
  const submissions: { form: number; bookingId: string }[] = [];
  async function portalBooking(index: number) {
    const form = bookingForms[index]!;
    const first = webUrls[index % WEB_INSTANCES]!;
    const twice = index < DOUBLE_SUBMITS;
    // A double submit: the same form to two instances at once.
    const sent = [first, ...(twice ? [webUrls[(index + 1) % WEB_INSTANCES]!] : [])];
    const answers = await Promise.all(sent.map((url) => submitBooking(url, form)));
    for (const answer of answers) submissions.push({ form: index, bookingId: answer.bookingId });
  }

  const killAt = Math.floor(operations.length / 2);
  const leasedAtKill: { id: string }[] = [];
  const kill = { whileReadingAcuity: false };
  /** Waits (while the stream goes on) until worker A is reading Acuity with events leased, then SIGKILLs it. */
  async function killWorkerA(atOperation: number) {
    const deadline = Date.now() + 30_000;
    for (;;) {
      const leased = await count(
        `SELECT count(*) AS n FROM webhook_events WHERE ${RUN_EVENTS} AND processed_at IS NULL AND next_attempt_at > now()`,
      );
      kill.whileReadingAcuity = proxies[0]!.traffic.inFlight > 0 && leased > 0;
      if (kill.whileReadingAcuity || Date.now() > deadline) break;
      await sleep(20);
    }
    workers[0]!.kill("SIGKILL");
    leasedAtKill.push(
      ...(
        await pool.query<{ id: string }>(
          `SELECT id FROM webhook_events WHERE ${RUN_EVENTS} AND processed_at IS NULL AND next_attempt_at > now()`,
        )
      ).rows,
    );
    console.log(
      `kill: worker A SIGKILLed (halfway mark: operation ${atOperation} of ${operations.length}), ${kill.whileReadingAcuity ? "while reading Acuity" : "NOT seen reading Acuity"}, ${leasedAtKill.length} events leased at that moment`,
    );
  }
  let killed: Promise<void> | null = null;
  started = performance.now();
  const inFlight = new Set<Promise<void>>();
  for (const [i, operation] of operations.entries()) {
    if (i === killAt) killed = killWorkerA(i);
    const done =
      operation.kind === "direct"
        ? Promise.resolve(directStep(operation.appointment))
        : portalBooking(operation.index);
    const tracked = done.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    if (inFlight.size >= 3) await Promise.race(inFlight);
    await sleep(30);
  }
  await Promise.all(inFlight);
  await killed;
  console.log(
    `stream: ${operations.length} operations in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  // ── drain ──────────────────────────────────────────────────────────────────────────────────
  await emulator.settleWebhooks();
  const drainDeadline = Date.now() + (LEASE_SECONDS + 180) * 1000;
  let unprocessed = 0;
  for (;;) {
    unprocessed = await count(
      `SELECT count(*) AS n FROM webhook_events WHERE ${RUN_EVENTS} AND processed_at IS NULL`,
    );
    if (unprocessed === 0 || Date.now() > drainDeadline) break;
    await sleep(250);
  }
  console.log(
    `drain: inbox ${unprocessed === 0 ? "empty" : `still holds ${unprocessed} unprocessed events`} ${((performance.now() - started) / 1000).toFixed(1)} s after the stream began; Acuity reads by worker A ${proxies[0]!.traffic.total}, by worker B ${proxies[1]!.traffic.total}`,
  );

  // ── count ──────────────────────────────────────────────────────────────────────────────────
  const checks: { name: string; ok: boolean; detail: string }[] = [];
  const expect = (name: string, ok: boolean, detail: string) => checks.push({ name, ok, detail });

  const appointments = emulator.listAllAppointments().filter((a) => a.id >= FIRST_APPOINTMENT_ID);
  const ids = appointments.map((a) => String(a.id));
  const bookingsOfRun = (
    await pool.query<{
      id: string;
      acuity_appointment_id: string;
      source: string;
      current_progress: string;
      appointment_date: Date;
    }>(
      "SELECT id, acuity_appointment_id, source, current_progress, appointment_date FROM bookings WHERE acuity_appointment_id = ANY($1)",
      [ids],
    )
  ).rows;
  const bookingOf = new Map(bookingsOfRun.map((b) => [b.acuity_appointment_id, b]));
  expect(
    "Acuity appointments vs bookings",
    appointments.length === DIRECT + BOOKINGS && bookingsOfRun.length === appointments.length,
    `${appointments.length} appointments in Acuity (expected ${DIRECT + BOOKINGS}), ${bookingsOfRun.length} bookings for them`,
  );
  const converged = appointments.filter((a) => {
    const booking = bookingOf.get(String(a.id));
    return (
      booking &&
      (booking.current_progress === "cancelled") === a.canceled &&
      booking.appointment_date.getTime() === parseAcuityDatetime(a.datetime).getTime()
    );
  }).length;
  expect(
    "bookings match Acuity",
    converged === appointments.length,
    `${converged} of ${appointments.length} bookings have Acuity's time and cancelled state`,
  );

  const deliveries = emulator.listDeliveries();
  const delivered = deliveries.filter((d) => d.status === 200).length;
  const events = await count("SELECT count(*) AS n FROM webhook_events WHERE resource_id = ANY($1)", [ids]);
  const processed = await count(
    "SELECT count(*) AS n FROM webhook_events WHERE resource_id = ANY($1) AND processed_at IS NOT NULL",
    [ids],
  );
  const withError = await count(
    "SELECT count(*) AS n FROM webhook_events WHERE resource_id = ANY($1) AND error IS NOT NULL",
    [ids],
  );
  expect(
    "events stored and processed",
    delivered === deliveries.length && events === delivered && processed === events && withError === 0,
    `${deliveries.length} deliveries (${delivered} answered 200), ${events} events stored, ${processed} processed, ${withError} with an error`,
  );
  // Each event is named by at most one sync audit row: no event was applied twice.
  const eventNamings = (
    await pool.query<{ event_id: string; n: string }>(
      `SELECT e.event_id, count(*) AS n FROM audit_logs a, jsonb_array_elements_text(a.metadata->'eventIds') AS e(event_id)
       WHERE a.action = 'booking.synced_from_acuity' AND a.resource_id = ANY($1) GROUP BY e.event_id`,
      [bookingsOfRun.map((b) => b.id)],
    )
  ).rows;
  const namedTwice = eventNamings.filter((row) => Number(row.n) > 1).length;
  expect(
    "events applied once",
    namedTwice === 0,
    `${eventNamings.length} events named by a sync audit row, ${namedTwice} named twice`,
  );

  // Progress rows: no change recorded twice, and never more rows than changes made in Acuity.
  const progressRows = (
    await pool.query<{ booking_id: string; n: string; distinct_rows: string }>(
      `SELECT booking_id, count(*) AS n,
         count(DISTINCT (progress, coalesce(appointment_from::text, ''), coalesce(appointment_to::text, ''))) AS distinct_rows
       FROM booking_progress WHERE booking_id = ANY($1) GROUP BY booking_id`,
      [bookingsOfRun.map((b) => b.id)],
    )
  ).rows;
  const rowsOf = new Map(progressRows.map((r) => [r.booking_id, r]));
  let progressTotal = 0;
  let duplicateRows = 0;
  let beyondChanges = 0;
  const byAppointment = new Map(direct.map((a) => [String(a.id), a]));
  for (const booking of bookingsOfRun) {
    const rows = rowsOf.get(booking.id);
    const n = Number(rows?.n ?? 0);
    progressTotal += n;
    duplicateRows += n - Number(rows?.distinct_rows ?? 0);
    const allowed = 1 + (byAppointment.get(booking.acuity_appointment_id)?.changes ?? 0);
    if (n < 1 || n > allowed) beyondChanges += 1;
  }
  const changesMade = direct.reduce((sum, a) => sum + a.changes, 0);
  expect(
    "progress rows per change",
    duplicateRows === 0 && beyondChanges === 0,
    `${progressTotal} progress rows for ${bookingsOfRun.length} bookings and ${changesMade} changes made in Acuity (at most ${bookingsOfRun.length + changesMade}); ${duplicateRows} recorded twice, ${beyondChanges} bookings outside 1..(1 + their changes)`,
  );
  const syncAudits = await count(
    "SELECT count(*) AS n FROM audit_logs WHERE action = 'booking.synced_from_acuity' AND resource_id = ANY($1)",
    [bookingsOfRun.map((b) => b.id)],
  );
  const createdAudits = await count(
    "SELECT count(*) AS n FROM audit_logs WHERE action = 'booking.created' AND resource_id = ANY($1)",
    [bookingsOfRun.map((b) => b.id)],
  );
  const portalBookings = bookingsOfRun.filter((b) => b.source === "portal").length;
  expect(
    "audit rows per change",
    createdAudits === portalBookings && syncAudits <= DIRECT + changesMade && syncAudits >= DIRECT,
    `${createdAudits} booking.created rows for ${portalBookings} portal bookings; ${syncAudits} booking.synced_from_acuity rows for ${DIRECT} direct appointments and ${changesMade} changes (between ${DIRECT} and ${DIRECT + changesMade})`,
  );

  const bookingIdsPerForm = new Map<number, Set<string>>();
  for (const s of submissions)
    bookingIdsPerForm.set(s.form, (bookingIdsPerForm.get(s.form) ?? new Set()).add(s.bookingId));
  const formsBookedTwice = [...bookingIdsPerForm.values()].filter((set) => set.size > 1).length;
  const sameNameTwice = await count(
    "SELECT count(*) AS n FROM (SELECT examinee_name FROM bookings WHERE examinee_name LIKE 'Topology Booking %' GROUP BY 1 HAVING count(*) > 1) t",
  );
  expect(
    "no booking twice",
    submissions.length === BOOKINGS + DOUBLE_SUBMITS &&
      bookingIdsPerForm.size === BOOKINGS &&
      formsBookedTwice === 0 &&
      sameNameTwice === 0 &&
      portalBookings === BOOKINGS,
    `${submissions.length} submissions of ${BOOKINGS} forms → ${portalBookings} portal bookings; ${formsBookedTwice} forms with two bookings, ${sameNameTwice} examinees booked twice`,
  );

  const takenOver = await count(
    "SELECT count(*) AS n FROM webhook_events WHERE id = ANY($1) AND attempts >= 2 AND processed_at IS NOT NULL",
    [leasedAtKill.map((e) => e.id)],
  );
  const leasedProcessed = await count(
    "SELECT count(*) AS n FROM webhook_events WHERE id = ANY($1) AND processed_at IS NOT NULL",
    [leasedAtKill.map((e) => e.id)],
  );
  expect(
    "leases taken over after the kill",
    kill.whileReadingAcuity && takenOver > 0 && leasedProcessed === leasedAtKill.length,
    `${leasedAtKill.length} events leased when worker A died: all ${leasedProcessed} processed, ${takenOver} claimed again by worker B once the lease ran out`,
  );

  console.log("");
  for (const check of checks) console.log(`${check.ok ? "ok  " : "OFF "} ${check.name}: ${check.detail}`);
  const allOk = checks.every((c) => c.ok) && unprocessed === 0;
  console.log(
    allOk
      ? "\nexactly once: every count is what it should be"
      : "\nCOUNTS OFF (process logs: $TMPDIR/ime-topology-*.log)",
  );
  exitCode = allOk ? 0 : 1;
} catch (error) {
  console.error("topology run failed:", error instanceof Error ? error.message : error);
  exitCode = 1;
} finally {
  for (const child of children) child.kill("SIGTERM");
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => (child.kill("SIGKILL"), resolve()), 30_000);
          child.once("exit", () => (clearTimeout(timer), resolve()));
        }),
    ),
  );
  for (const proxy of proxies) proxy.stop();
  await pool.end();
  await emulator.stop();
  await s3.stop();
  fs.rmSync(s3Dir, { recursive: true, force: true });
  await scratch.drop().catch(() => {});
}
process.exit(exitCode);

/** The server action's id from the build's manifest: what the page's form posts in Next-Action. */
function findActionId(page: string, exportedName: string): string {
  const manifest = JSON.parse(fs.readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => page in entry.workers && entry.exportedName === exportedName,
  );
  if (!found) throw new Error(`no server action ${exportedName} on ${page} in the build's manifest`);
  return found[0];
}

/** The action's result in the RSC answer: the row holding `{ ok: … }`. */
function actionResultIn(text: string): { ok: true; data: unknown } | { ok: false; error: string } | null {
  for (const line of text.split("\n")) {
    const json = line.slice(line.indexOf(":") + 1);
    try {
      const value = JSON.parse(json) as unknown;
      if (value && typeof value === "object" && "ok" in value)
        return value as ReturnType<typeof actionResultIn>;
    } catch {
      // Not a JSON row (a module reference, the tree): keep looking.
    }
  }
  return null;
}

/** Free telehealth slots for the portal bookings, weeks before the direct appointments' days. */
async function freePortalSlots(calendarIds: number[], needed: number) {
  const auth = `Basic ${Buffer.from(`${USER_ID}:${API_KEY}`).toString("base64")}`;
  const slots: { calendarId: number; time: string }[] = [];
  for (let day = 3; slots.length < needed && day < 35; day++) {
    const date = new Date(Date.now() + day * 86_400_000).toISOString().slice(0, 10);
    for (const calendarId of calendarIds) {
      const answer = await fetch(
        `${emulator.url}/availability/times?appointmentTypeID=${DEMO_APPOINTMENT_TYPES.telehealth.id}&calendarID=${calendarId}&date=${date}`,
        { headers: { authorization: auth } },
      );
      if (!answer.ok) continue; // this calendar does not offer telehealth
      const times = (await answer.json()) as { time: string }[];
      // One slot per calendar and day: portal bookings never compete for one slot.
      if (times[0]) slots.push({ calendarId, time: times[0].time });
      if (slots.length >= needed) break;
    }
  }
  if (slots.length < needed) throw new Error(`only ${slots.length} free slots for ${needed} bookings`);
  return slots;
}
