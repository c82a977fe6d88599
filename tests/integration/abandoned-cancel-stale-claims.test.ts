/**
 * A sweep's claim on an owed cancellation is a lease, and its Acuity answer can arrive after the
 * attempt has moved on: a webhook revealed the appointment, or a newer claim settled it. The late
 * answer must not undo that — a stale "not in Acuity" would leave the revealed appointment
 * standing, a stale failure would write its sentence onto a settled attempt.
 *
 * A database of its own (tests/support/jobs-database.ts): a sweep claims every due attempt of the
 * database it is given, so on the run's shared one it would take other files' attempts.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acuityBookingAttempts } from "@/db/schema";
import { portalReferenceNote } from "@/lib/acuity";
import { acuityAppointmentSchema } from "@/lib/acuity/schemas";
import { cancelAbandonedAppointments } from "@/lib/acuity-sync/cancel-abandoned-appointments";
import { settlePortalAppointmentWithoutBooking } from "@/lib/acuity-sync/portal-appointment-without-booking";
import { getSystemUserId } from "@/lib/acuity-sync/system-user";
import type { AcuityEmulator } from "@/services/acuity-emulator/server";
import { createJobsDatabase, type JobsDatabase } from "../support/jobs-database";
import { HART, IN_PERSON, clientFor, startTestEmulator } from "./acuity-test-support";

let own: JobsDatabase;
/** The Acuity the portal books with. */
let acuity: AcuityEmulator;
beforeAll(async () => {
  own = await createJobsDatabase("ime_abandoned_claims");
  acuity = await startTestEmulator();
});
afterAll(async () => {
  await acuity?.stop();
  await own?.drop();
});

/** An attempt the portal gave up on (its answer was lost), due for a cancellation now. */
async function givenUpAttempt(recordedAt: string) {
  const reference = randomUUID();
  await own.db.insert(acuityBookingAttempts).values({
    bookingReference: reference,
    requestedById: await getSystemUserId(own.db),
    idempotencyKey: randomUUID(),
    acuityCalendarId: String(HART),
    appointmentAt: new Date(recordedAt),
    abandonedAt: new Date(),
    nextAttemptAt: new Date(Date.now() - 1_000),
  });
  return reference;
}

const attemptOf = async (reference: string) =>
  (
    await own.db
      .select()
      .from(acuityBookingAttempts)
      .where(eq(acuityBookingAttempts.bookingReference, reference))
  )[0]!;

/**
 * Acuity's webhook for the appointment reached the portal, which finds no booking for it. The
 * appointment as Acuity renders it, read without the API (whose answers a test may be holding).
 */
async function webhookReveals(appointmentId: number, reference: string) {
  const rendered = acuity.listAllAppointments().find((a) => a.id === appointmentId);
  const appointment = acuityAppointmentSchema.parse(rendered);
  await own.db.transaction((tx) => settlePortalAppointmentWithoutBooking(tx, appointment, reference));
}

const appointmentWith = (reference: string, datetime: string) =>
  acuity.createAppointmentDirectly({
    calendarID: HART,
    appointmentTypeID: IN_PERSON,
    datetime,
    firstName: "Late",
    lastName: "Surfacing",
    email: "late@nowhere.example",
    notes: portalReferenceNote(reference),
  });

describe("a sweep whose answer comes late", () => {
  it("does not resolve as 'not in Acuity' an attempt whose appointment a webhook revealed meanwhile; it cancels that appointment", async () => {
    const reference = await givenUpAttempt("2026-12-07T14:00:00Z");
    const release = acuity.holdAnswers();
    const late = cancelAbandonedAppointments(own.db, clientFor(acuity, { maxRetries: 0 }));
    try {
      // The sweep has claimed the attempt and is asking Acuity for the reference at the recorded time.
      await expect.poll(() => acuity.openRequests(), { timeout: 30_000 }).toBe(1);
      // Meanwhile staff had moved the appointment an hour in Acuity, and its webhook arrives.
      const moved = appointmentWith(reference, "2026-12-07T10:00:00-0500");
      await webhookReveals(moved.id, reference);
      release();
      // Its lookup at the recorded time found nothing, but the attempt names the appointment now:
      // the sweep leaves it to the next claim — its own next round, which cancels it by its id.
      expect(await late).toMatchObject({ notInAcuity: 0, superseded: 1, cancelled: 1, failed: 0 });
      expect(acuity.listAllAppointments().find((a) => a.id === moved.id)).toMatchObject({ canceled: true });
      expect(await attemptOf(reference)).toMatchObject({
        resolution: "cancelled",
        acuityAppointmentId: String(moved.id),
        lastError: null,
      });
    } finally {
      release();
      await late.catch(() => undefined);
    }
  });

  it("does not write a stale failure onto an attempt a newer claim has settled", async () => {
    const reference = await givenUpAttempt("2026-12-08T15:00:00Z");
    const made = appointmentWith(reference, "2026-12-08T10:00:00-0500");
    // A worker whose Acuity connection hangs, then fails: its own Acuity client, held.
    const stalled = await startTestEmulator();
    const release = stalled.holdAnswers();
    stalled.failNextRequests(1, 503);
    const late = cancelAbandonedAppointments(own.db, clientFor(stalled, { maxRetries: 0 }));
    try {
      await expect.poll(() => stalled.openRequests(), { timeout: 30_000 }).toBe(1);
      // The webhook makes the attempt due again; another worker's sweep claims it and cancels.
      await webhookReveals(made.id, reference);
      const current = await cancelAbandonedAppointments(own.db, clientFor(acuity));
      expect(current).toMatchObject({ cancelled: 1, failed: 0 });
      release();
      expect(await late).toMatchObject({ failed: 1 });

      expect(await attemptOf(reference)).toMatchObject({
        resolution: "cancelled",
        lastError: null,
        nextAttemptAt: null,
        acuityAppointmentId: String(made.id),
      });
      expect(acuity.listAllAppointments().find((a) => a.id === made.id)).toMatchObject({ canceled: true });
    } finally {
      release();
      await late.catch(() => undefined);
      await stalled.stop();
    }
  });
});
