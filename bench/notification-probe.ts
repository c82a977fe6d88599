/**
 * The timed side of bench/notifications.ts, run as a child process in a checkout (its cwd): the
 * portal as it is, and the portal before notifications (a `git archive` of an older commit, into
 * which the benchmark copies this file). It uses only functions both have, with the same
 * signatures, so the same calls measure the old code and the new.
 *
 * Reads one JSON command per line on stdin, answers one JSON line on stdout:
 *   {"op":"create","n":25}   → n bookings made end to end as the booking form's action makes them
 *                              (createBooking: checks, the form's key, the attempt, Acuity's create over
 *                              HTTP to this probe's own emulator, the transaction): {"ms":[…]}
 *   {"op":"process","n":25}  → n webhook events processed as the worker processes them
 *                              (processClaimedEvents: the Acuity read over HTTP, the apply transaction),
 *                              for a new appointment, then for the same one moved a day: {"created":[…],"moved":[…]}
 *   {"op":"booking","n":25}  → the booking-create transaction alone (insertPortalBooking + the attempt's
 *                              end, as createBooking commits them): {"ms":[…]}
 *   {"op":"webhook","n":25}  → the apply transaction alone, new then moved: {"created":[…],"moved":[…]}
 *   {"op":"exit"}
 */
import { randomUUID } from "node:crypto";
import readline from "node:readline";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import { createAcuityClient } from "@/lib/acuity/client";
import { acuityAppointmentSchema, type AcuityAppointment } from "@/lib/acuity/schemas";
import { applyAcuityAppointment } from "@/lib/acuity-sync/apply-appointment";
import { processClaimedEvents } from "@/lib/acuity-sync/process-events";
import { loadActor } from "@/lib/authz/load-actor";
import { getSystemUserId } from "@/lib/acuity-sync/system-user";
import { completeBookingAttempt, recordBookingAttempt } from "@/lib/bookings/booking-attempts";
import { createBooking } from "@/lib/bookings/create-booking";
import { insertPortalBooking } from "@/lib/bookings/insert-portal-booking";
import { createBookingSchema, type CreateBookingInput } from "@/lib/bookings/schemas";
import { startAcuityEmulator } from "@/services/acuity-emulator/server";

const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
const db = drizzle(pool, { schema });
const tag = process.env.PROBE_TAG ?? "probe";
const TELEHEALTH_TYPE = 502; // the default ACUITY_TELEHEALTH_TYPE_ID
let sequence = 0;
// Appointment ids of this probe: far from the generated bookings' and from the other probe's.
let nextAppointmentId = Number(process.env.PROBE_FIRST_APPOINTMENT ?? 900_000_000);

const organization = (i: number) => i % 200;
const specialist = (i: number) => i % 50;

function appointmentOf(id: number, i: number, datetime: Date): AcuityAppointment {
  const o = organization(i);
  return acuityAppointmentSchema.parse({
    id,
    datetime: datetime.toISOString().replace(/\.\d{3}Z$/, "+0000"),
    duration: "60",
    calendarID: 100_000 + specialist(i),
    appointmentTypeID: TELEHEALTH_TYPE,
    firstName: "Bench",
    lastName: `Examinee ${i}`,
    // A member's address: resolve-organization puts the booking in that member's organization.
    email: `p${o}-2@bench.test`,
    phone: "2125550100",
    timezone: "America/New_York",
    calendarTimezone: "America/New_York",
    canceled: false,
    location: "",
    notes: "",
    forms: [],
    scheduledBy: null,
    datetimeCreated: new Date().toISOString(),
    calendar: `Dr. Bench ${specialist(i)}`,
    type: "Independent Medical Examination (telehealth)",
  });
}

async function bookingTransaction(): Promise<number> {
  const i = ++sequence;
  const o = organization(i);
  const id = `${tag}-b-${i}-${randomUUID().slice(0, 8)}`;
  const key = randomUUID();
  const userId = `u-o${o}-2`;
  const at = new Date(Date.now() + (3 + (i % 60)) * 86_400_000);
  // Before the transaction, as createBooking does: the form's key, the attempt.
  await db.insert(schema.bookingRequests).values({ idempotencyKey: key, requestedById: userId });
  await recordBookingAttempt(db, {
    bookingReference: id,
    requestedById: userId,
    idempotencyKey: key,
    acuityCalendarId: String(100_000 + specialist(i)),
    appointmentAt: at,
  });
  const appointmentId = nextAppointmentId++;
  const input: CreateBookingInput = {
    idempotencyKey: key,
    specialistId: `s${specialist(i)}`,
    organizationId: `o${o}`,
    teamId: `t${o}-0`,
    appointmentType: "telehealth",
    datetime: at.toISOString(),
    examineeName: `Bench Examinee ${i}`,
    examineePhone: "2125550100",
    examineeEmail: null,
    notes: null,
  };
  const auditContext = {
    actorUserId: userId,
    impersonatedUserId: null,
    ipAddress: "127.0.0.1",
    userAgent: "bench",
  };
  const started = performance.now();
  await db.transaction(async (tx) => {
    await insertPortalBooking(tx, auditContext, {
      id,
      specialistId: `s${specialist(i)}`,
      input,
      appointment: appointmentOf(appointmentId, i, at),
    });
    await completeBookingAttempt(tx, id);
  });
  return performance.now() - started;
}

// ------------------------------------------------------------ end to end, over this probe's emulator

const ACUITY = { userId: "6161", apiKey: "bench-probe-key" };
const emulator = await startAcuityEmulator({
  port: 0,
  ...ACUITY,
  firstAppointmentId: nextAppointmentId + 50_000_000,
  limits: { maxPerSecond: 10_000, maxConcurrent: 100 },
});
const acuity = createAcuityClient({ ...ACUITY, baseUrl: emulator.url });
const [demoSpecialist] = await db
  .select({ id: schema.specialists.id })
  .from(schema.specialists)
  .where(eq(schema.specialists.acuityCalendarId, "7101"));
const [owner] = await db
  .select({ id: schema.users.id })
  .from(schema.users)
  .where(eq(schema.users.email, "owner@northwind.test"));
const [ownerMembership] = await db
  .select({ organizationId: schema.members.organizationId })
  .from(schema.members)
  .where(eq(schema.members.userId, owner!.id));
const ownerActor = (await loadActor(db, owner!.id, null))!;

/**
 * The next free hour, in order: bookings on Dr. Hart's calendar (7101, New York, 9–17 on weekdays),
 * appointments made directly in Acuity on Dr. Ortiz's (7102, Chicago, 8–16). 14:00–20:00 UTC is
 * inside both days in winter and in summer time alike.
 */
const cursors = { create: 0, process: 0 };
function nextSlot(use: keyof typeof cursors): string {
  for (;;) {
    const index = cursors[use]++;
    const day = new Date(Date.now() + (2 + Math.floor(index / 7)) * 86_400_000);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6) {
      cursors[use] += 6;
      continue;
    }
    const hour = 14 + (index % 7);
    return `${day.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00:00+0000`;
  }
}

async function createEndToEnd(): Promise<number> {
  const input = createBookingSchema.parse({
    idempotencyKey: randomUUID(),
    specialistId: demoSpecialist!.id,
    appointmentType: "telehealth",
    datetime: nextSlot("create"),
    organizationId: ownerMembership!.organizationId,
    examineeName: `Bench Examinee ${++sequence}`,
    examineePhone: "(212) 555-0142",
  });
  const auditContext = {
    actorUserId: owner!.id,
    impersonatedUserId: null,
    ipAddress: "127.0.0.1",
    userAgent: "bench",
  };
  const started = performance.now();
  await createBooking({ db, acuity }, { actor: ownerActor, auditContext }, input);
  return performance.now() - started;
}

async function processEndToEnd(): Promise<{ created: number; moved: number }> {
  const i = ++sequence;
  const datetime = nextSlot("process").replace("+0000", "");
  const appointment = emulator.createAppointmentDirectly({
    calendarID: 7102,
    appointmentTypeID: TELEHEALTH_TYPE,
    datetime: new Date(`${datetime}Z`).toISOString(),
    firstName: "Bench",
    lastName: `Direct ${i}`,
    email: `direct${i}@nowhere.example`,
    phone: "2125550100",
  });
  const event = () => [{ id: randomUUID(), resourceId: String(appointment.id), attempts: 1 }];
  let started = performance.now();
  await processClaimedEvents(db, acuity, event());
  const created = performance.now() - started;
  emulator.changeAppointmentDirectly(appointment.id, {
    datetime: new Date(new Date(`${datetime}Z`).getTime() + 86_400_000).toISOString(),
  });
  started = performance.now();
  await processClaimedEvents(db, acuity, event());
  return { created, moved: performance.now() - started };
}

// ------------------------------------------------------------ the transactions alone

async function webhookApply(): Promise<{ created: number; moved: number }> {
  const i = ++sequence;
  const systemUserId = await getSystemUserId(db);
  const id = nextAppointmentId++;
  const at = new Date(Date.now() + (5 + (i % 60)) * 86_400_000);
  const apply = async (appointment: AcuityAppointment) => {
    const started = performance.now();
    await db.transaction((tx) =>
      applyAcuityAppointment(tx, appointment, {
        systemUserId,
        readStartedAt: new Date(),
        eventIds: [],
        trigger: "webhook",
      }),
    );
    return performance.now() - started;
  };
  const created = await apply(appointmentOf(id, i, at));
  const moved = await apply(appointmentOf(id, i, new Date(at.getTime() + 86_400_000)));
  return { created, moved };
}

const lines = readline.createInterface({ input: process.stdin });
for await (const line of lines) {
  const command = JSON.parse(line) as { op: string; n?: number };
  if (command.op === "exit") break;
  if (command.op === "create") {
    const ms: number[] = [];
    for (let k = 0; k < (command.n ?? 1); k++) ms.push(await createEndToEnd());
    process.stdout.write(`${JSON.stringify({ ms })}\n`);
  } else if (command.op === "process") {
    const created: number[] = [];
    const moved: number[] = [];
    for (let k = 0; k < (command.n ?? 1); k++) {
      const timing = await processEndToEnd();
      created.push(timing.created);
      moved.push(timing.moved);
    }
    process.stdout.write(`${JSON.stringify({ created, moved })}\n`);
  } else if (command.op === "booking") {
    const ms: number[] = [];
    for (let k = 0; k < (command.n ?? 1); k++) ms.push(await bookingTransaction());
    process.stdout.write(`${JSON.stringify({ ms })}\n`);
  } else if (command.op === "webhook") {
    const created: number[] = [];
    const moved: number[] = [];
    for (let k = 0; k < (command.n ?? 1); k++) {
      const timing = await webhookApply();
      created.push(timing.created);
      moved.push(timing.moved);
    }
    process.stdout.write(`${JSON.stringify({ created, moved })}\n`);
  }
}
lines.close();
await emulator.stop();
await pool.end();
process.exit(0);
