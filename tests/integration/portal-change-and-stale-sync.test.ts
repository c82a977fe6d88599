/**
 * A read of Acuity that started before the portal changed the appointment holds the appointment as
 * it was. Seen in CI: the "scheduled" webhook of a booking the portal was still saving was retried
 * a few seconds later, read the appointment just before the user moved it, waited on the booking's
 * lock, then moved the booking back to the old time ("Moved in Acuity") — and the move's own webhook
 * forward again: three `rescheduled` rows and three pairs of e-mails for one reschedule.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookingProgress, bookings, notificationEvents } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import type { AcuityAppointment } from "@/lib/acuity";
import { applyAcuityAppointment } from "@/lib/acuity-sync/apply-appointment";
import { databaseNow } from "@/lib/acuity-sync/database-now";
import { getSystemUserId } from "@/lib/acuity-sync/system-user";
import { createBookingDefinition, rescheduleBookingDefinition } from "@/lib/bookings/booking-actions";
import { waitUntilSessionWaitsForALock } from "../support/lock-waiter";
import {
  as,
  freeSlots,
  startBookingWorld,
  telehealthBookingForm,
  type BookingWorld,
} from "./booking-test-world";

let world: BookingWorld;
beforeAll(async () => {
  world = await startBookingWorld();
});
afterAll(() => world.stop());

async function book(datetime: string) {
  const result = await defineAction(
    createBookingDefinition,
    as(world.actors.memberA1),
  )(telehealthBookingForm(world, datetime, { examineeName: "Morgan Stale" }));
  if (!result.ok) throw new Error(result.error);
  const [row] = await getDb().select().from(bookings).where(eq(bookings.id, result.data.bookingId));
  return row!;
}

/**
 * What a sync worker does with its read: apply it in a transaction of its own. `onSession` gets
 * the transaction's backend pid first, so a test can see it wait.
 */
async function applyRead(
  read: { at: Date; appointment: AcuityAppointment },
  onSession: (pid: number) => void = () => {},
) {
  const systemUserId = await getSystemUserId(getDb());
  return getDb().transaction(async (tx) => {
    const { rows } = await tx.execute<{ pid: number }>(sql`SELECT pg_backend_pid() AS pid`);
    onSession(rows[0]!.pid);
    return applyAcuityAppointment(tx, read.appointment, {
      systemUserId,
      readStartedAt: read.at,
      eventIds: [],
      trigger: "webhook",
    });
  });
}

async function readAcuity(appointmentId: string) {
  const at = await databaseNow(getDb());
  return { at, appointment: await world.acuity.getAppointment(Number(appointmentId)) };
}

/** Polls until `ready` holds (each step waits 20 ms; the suite's own timeout bounds it). */
async function until(ready: () => Promise<boolean> | boolean) {
  while (!(await ready())) await new Promise((resolve) => setTimeout(resolve, 20));
}

const historyOf = async (bookingId: string) =>
  (
    await getDb()
      .select({ progress: bookingProgress.progress, to: bookingProgress.appointmentTo })
      .from(bookingProgress)
      .where(eq(bookingProgress.bookingId, bookingId))
      .orderBy(bookingProgress.createdAt)
  ).map((row) => `${row.progress}${row.to ? ` → ${row.to.toISOString()}` : ""}`);

const rescheduledEvents = async (bookingId: string) =>
  (
    await getDb()
      .select({ id: notificationEvents.id })
      .from(notificationEvents)
      .where(
        and(eq(notificationEvents.bookingId, bookingId), eq(notificationEvents.kind, "booking.rescheduled")),
      )
  ).length;

it("drops a read taken before the portal moved the appointment, one that waited on the booking while Acuity answered the move too", async () => {
  const [first, later] = await freeSlots(world, world.telehealthSpecialist, 2);
  const booking = await book(first!.datetime);
  const beforeTheMove = await readAcuity(booking.acuityAppointmentId);

  // The move holds the booking's row while Acuity has not answered yet…
  const releaseAcuity = world.emulator.holdAnswers();
  const moving = defineAction(
    rescheduleBookingDefinition,
    as(world.actors.memberA1),
  )({
    bookingId: booking.id,
    expectedProgress: "scheduled",
    expectedAppointmentDate: first!.startsAt,
    datetime: later!.datetime,
  });
  await until(() => world.emulator.openRequests() > 0);
  // …when the old read arrives, as the webhook retry did: it waits for the move, and must not
  // hold anything the move needs to finish (the sync mark) while it does.
  let syncPid = 0;
  const syncing = applyRead(beforeTheMove, (pid) => (syncPid = pid));
  await until(() => syncPid > 0);
  await waitUntilSessionWaitsForALock(syncPid);
  releaseAcuity();

  expect(await moving).toMatchObject({ ok: true });
  expect((await syncing).outcome).toBe("stale");
  const [row] = await getDb().select().from(bookings).where(eq(bookings.id, booking.id));
  expect(row!.appointmentDate).toEqual(new Date(later!.startsAt));
  expect(await historyOf(booking.id)).toEqual([
    "scheduled",
    `rescheduled → ${new Date(later!.startsAt).toISOString()}`,
  ]);
  expect(await rescheduledEvents(booking.id)).toBe(1);

  // The same old read arriving after the move committed is dropped too.
  expect((await applyRead(beforeTheMove)).outcome).toBe("stale");
  expect(await historyOf(booking.id)).toHaveLength(2);
});

it("still applies a move made in Acuity after the portal's own, read after it", async () => {
  const [first, later, latest] = await freeSlots(world, world.telehealthSpecialist, 3);
  const booking = await book(first!.datetime);
  const move = defineAction(rescheduleBookingDefinition, as(world.actors.memberA1));
  const moved = await move({
    bookingId: booking.id,
    expectedProgress: "scheduled",
    expectedAppointmentDate: first!.startsAt,
    datetime: later!.datetime,
  });
  expect(moved.ok).toBe(true);

  // Staff move it again in Acuity's own screens; the webhook's read starts after that.
  world.emulator.changeAppointmentDirectly(Number(booking.acuityAppointmentId), {
    datetime: latest!.datetime,
  });
  const outcome = await applyRead(await readAcuity(booking.acuityAppointmentId));
  expect(outcome.outcome).toBe("updated");
  const [row] = await getDb().select().from(bookings).where(eq(bookings.id, booking.id));
  expect(row!.appointmentDate).toEqual(new Date(latest!.startsAt));
  expect(await historyOf(booking.id)).toEqual([
    "scheduled",
    `rescheduled → ${new Date(later!.startsAt).toISOString()}`,
    `rescheduled → ${new Date(latest!.startsAt).toISOString()}`,
  ]);
  expect(await rescheduledEvents(booking.id)).toBe(2);
});
