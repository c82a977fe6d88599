/**
 * A read of Acuity that started before the portal changed the appointment holds the appointment as
 * it was. Seen in CI: the "scheduled" webhook of a booking the portal was still saving was retried
 * a few seconds later, read the appointment just before the user moved it, waited on the booking's
 * lock, then moved the booking back to the old time ("Moved in Acuity") — and the move's own webhook
 * forward again: three `rescheduled` rows and three pairs of e-mails for one reschedule.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookingProgress, bookings, notificationEvents } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { createBookingDefinition, rescheduleBookingDefinition } from "@/lib/bookings/booking-actions";
import { applyReadInItsOwnTransaction, readFromAcuity } from "../support/acuity-read";
import { waitUntilSessionWaitsForALock } from "../support/lock-waiter";
import { pollUntil } from "../support/poll-until";
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
  const beforeTheMove = await readFromAcuity(world.acuity, booking.acuityAppointmentId);

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
  await pollUntil(() => world.emulator.openRequests() > 0);
  // …when the old read arrives, as the webhook retry did: it waits for the move, and must not
  // hold anything the move needs to finish (the sync mark) while it does.
  let syncPid = 0;
  const syncing = applyReadInItsOwnTransaction(beforeTheMove, { onSession: (pid) => (syncPid = pid) });
  await pollUntil(() => syncPid > 0);
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
  expect((await applyReadInItsOwnTransaction(beforeTheMove)).outcome).toBe("stale");
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
  const outcome = await applyReadInItsOwnTransaction(
    await readFromAcuity(world.acuity, booking.acuityAppointmentId),
  );
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
