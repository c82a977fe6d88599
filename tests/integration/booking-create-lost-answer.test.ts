/**
 * Booking when Acuity's answer is lost and Acuity then goes away for a while: what the user is
 * told must match what Acuity finally holds. The portal gives the attempt up and says nothing is
 * booked; the appointment Acuity did make is cancelled once Acuity answers again — by the
 * worker or by reconcile, from what the database recorded (so a restart in between changes
 * nothing) — and its webhook is settled instead of waiting forever.
 */
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import {
  acuityBookingAttempts,
  auditLogs,
  bookingRequests,
  bookings,
  notificationEvents,
  webhookEvents,
} from "@/db/schema";
import { POST } from "@/app/api/webhooks/acuity/route";
import { defineAction } from "@/lib/actions/define-action";
import { auditContextFor } from "@/lib/actions/request-actor";
import { createAcuityClient, portalReferenceNote, type AcuityAppointment } from "@/lib/acuity";
import { cancelAbandonedAppointments } from "@/lib/acuity-sync/cancel-abandoned-appointments";
import { reconcileWindow } from "@/lib/acuity-sync/reconcile";
import { drainDueEvents } from "@/lib/acuity-sync/worker";
import { createBookingDefinition } from "@/lib/bookings/booking-actions";
import { createBooking } from "@/lib/bookings/create-booking";
import { createBookingSchema } from "@/lib/bookings/schemas";
import { newId } from "@/lib/ids";
import { serveRoute } from "../support/route-server";
import { captureServerLog } from "../support/server-log";
import {
  as,
  freeSlots,
  startBookingWorld,
  type BookingWorld,
  telehealthBookingForm,
} from "./booking-test-world";
import { runOnOwnDemoDatabase } from "../support/own-demo-database";

// Its sweeps claim every due booking attempt of the database: only this file's may be there.
runOnOwnDemoDatabase("ime_lost_answer");

const serverLog = captureServerLog();

let world: BookingWorld;
let receiver: Awaited<ReturnType<typeof serveRoute>>;
beforeAll(async () => {
  process.env.WEBHOOK_WORKER = "off"; // this file runs the worker's steps itself
  world = await startBookingWorld();
  receiver = await serveRoute(POST);
  world.emulator.setWebhookTargets([receiver.url]);
});
afterAll(async () => {
  await world.stop();
  await receiver.close();
});

const formFor = (datetime: string) => telehealthBookingForm(world, datetime);
/** What Acuity holds for a booking reference (the portal writes it into the notes). */
const inAcuity = (reference: string): AcuityAppointment[] =>
  world.emulator.listAllAppointments().filter((a) => a.notes.includes(portalReferenceNote(reference)));
const attemptOf = async (reference: string) =>
  (
    await getDb()
      .select()
      .from(acuityBookingAttempts)
      .where(eq(acuityBookingAttempts.bookingReference, reference))
  )[0];
const attemptFor = async (key: string) =>
  (
    await getDb().select().from(acuityBookingAttempts).where(eq(acuityBookingAttempts.idempotencyKey, key))
  )[0]!;
/** A fresh client, as a restarted process would build. */
const freshAcuity = () =>
  createAcuityClient({ userId: "5151", apiKey: "booking-test-api-key", baseUrl: world.emulator.url });
const who = () => ({
  actor: world.actors.ownerA,
  auditContext: auditContextFor(world.actors.ownerA, { ipAddress: "198.51.100.4", userAgent: "vitest" }),
});
const eventsOf = (appointmentId: number) =>
  getDb()
    .select()
    .from(webhookEvents)
    .where(eq(webhookEvents.resourceId, String(appointmentId)));

describe("an answer lost, then Acuity unavailable", () => {
  it("tells the user nothing is booked, and the appointment Acuity made is cancelled once it answers again", async () => {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    const form = formFor(slot!.datetime);
    // Acuity books, the answer never arrives, and Acuity is down for the look-up (1 + 3 retries).
    world.emulator.loseNextAnswers(1, { requests: 4, status: 503 });
    const result = await defineAction(createBookingDefinition, as(world.actors.memberA1))(form);

    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.error).toMatch(
      /nothing is booked\. If the calendar made the appointment anyway, the portal cancels it by itself as soon as the calendar answers again/,
    );
    const { bookingReference } = await attemptFor(form.idempotencyKey);
    const [orphan] = inAcuity(bookingReference);
    expect(orphan?.canceled).toBe(false); // Acuity kept it, for now
    expect(
      await getDb()
        .select()
        .from(bookings)
        .where(eq(bookings.acuityAppointmentId, String(orphan!.id))),
    ).toEqual([]);
    // The form is free to be sent again.
    expect(
      await getDb()
        .select()
        .from(bookingRequests)
        .where(eq(bookingRequests.idempotencyKey, form.idempotencyKey)),
    ).toEqual([]);

    // Its webhook is settled — the portal gave the booking up — not deferred forever.
    await world.emulator.settleWebhooks();
    await drainDueEvents({ resourceIds: [String(orphan!.id)] });
    const [scheduled] = await eventsOf(orphan!.id);
    expect(scheduled).toMatchObject({ error: null });
    expect(scheduled!.processedAt).not.toBeNull();

    // The worker's first try meets Acuity still down: kept, with a sentence, for later.
    world.emulator.failNextRequests(4, 503);
    expect(await cancelAbandonedAppointments(getDb(), freshAcuity())).toMatchObject({
      cancelled: 0,
      failed: 1,
    });
    expect(inAcuity(bookingReference)[0]!.canceled).toBe(false);
    const waiting = await attemptOf(bookingReference);
    expect(waiting).toMatchObject({
      resolvedAt: null,
      lastError: expect.stringMatching(/^Acuity did not answer while the portal was cancelling/),
    });
    expect(waiting!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());

    // Acuity is back; the process that gave up is long gone. Reconcile (or the worker, once the
    // backoff passes) finds the appointment and cancels it.
    await getDb()
      .update(acuityBookingAttempts)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(acuityBookingAttempts.bookingReference, bookingReference));
    const day = slot!.datetime.slice(0, 10);
    const report = await reconcileWindow(getDb(), freshAcuity(), { from: new Date(day), to: new Date(day) });
    expect(report.failed).toEqual([]);
    expect(report.needsAttention).toEqual([]);
    expect(report.abandoned).toEqual({ cancelled: 1, failed: 0 });
    expect(inAcuity(bookingReference).map((a) => a.canceled)).toEqual([true]);
    expect(await attemptOf(bookingReference)).toMatchObject({
      resolution: "cancelled",
      acuityAppointmentId: String(orphan!.id),
    });
    const [audit] = await getDb()
      .select()
      .from(auditLogs)
      .where(
        and(
          eq(auditLogs.action, "acuity.abandoned_appointment_cancelled"),
          eq(auditLogs.resourceId, String(orphan!.id)),
        ),
      );
    expect(audit?.metadata).toMatchObject({ bookingReference, reason: "given up" });

    // Acuity's cancellation webhook is settled too; a second reconcile finds nothing to do.
    await world.emulator.settleWebhooks();
    await drainDueEvents({ resourceIds: [String(orphan!.id)] });
    expect((await eventsOf(orphan!.id)).every((e) => e.processedAt !== null)).toBe(true);
    expect(
      (await reconcileWindow(getDb(), freshAcuity(), { from: new Date(day), to: new Date(day) })).abandoned,
    ).toEqual({ cancelled: 0, failed: 0 });
  });
});

describe("a save that fails while Acuity is unavailable", () => {
  it("says the appointment will be cancelled by itself, and the worker does so when Acuity answers", async () => {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    const input = createBookingSchema.parse(formFor(slot!.datetime));
    const attempt = createBooking(
      {
        db: getDb(),
        acuity: world.acuity,
        beforeCommit: async () => {
          world.emulator.failNextRequests(1, 503); // the compensating cancel gets no answer
          throw new Error("connection reset");
        },
      },
      who(),
      input,
    );
    await expect(attempt).rejects.toThrow(
      /didn't answer when we cancelled appointment #\d+\. Nothing is booked: the portal cancels that appointment by itself/,
    );
    const { bookingReference } = await attemptFor(input.idempotencyKey);
    expect(inAcuity(bookingReference).map((a) => a.canceled)).toEqual([false]);
    // The operator's alert: an error line with the stable event name, naming the booking.
    expect(serverLog()).toMatch(/acuity\.appointment_orphaned/);
    expect(serverLog()).toContain(bookingReference);
    // The admins are told too (in-app, daily digest): one event naming the reference, no booking row.
    const attention = await getDb()
      .select()
      .from(notificationEvents)
      .where(sql`${notificationEvents.facts}->>'summary' LIKE ${`%${bookingReference}%`}`);
    expect(attention).toMatchObject([
      { kind: "attention.needed", bookingId: null, facts: { reason: "acuity.appointment_orphaned" } },
    ]);

    expect(await cancelAbandonedAppointments(getDb(), freshAcuity())).toMatchObject({
      cancelled: 1,
      failed: 0,
    });
    expect(inAcuity(bookingReference).map((a) => a.canceled)).toEqual([true]);
    expect(await attemptOf(bookingReference)).toMatchObject({ resolution: "cancelled" });
  });
});

describe("a process that died after Acuity booked", () => {
  async function diedMidBooking() {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    const key = randomUUID();
    const reference = newId();
    const requestedById = world.id("ownerA");
    await getDb().insert(bookingRequests).values({ idempotencyKey: key, requestedById });
    await getDb()
      .insert(acuityBookingAttempts)
      .values({
        bookingReference: reference,
        requestedById,
        idempotencyKey: key,
        acuityCalendarId: world.telehealthSpecialist.acuityCalendarId,
        appointmentAt: new Date(slot!.startsAt),
      });
    const appointment = await world.acuity.createAppointment({
      datetime: slot!.datetime,
      appointmentTypeID: 502,
      calendarID: 7106,
      firstName: "Jordan",
      lastName: "Claimant",
      email: "owner@example.test",
      phone: "+12125550142",
      notes: portalReferenceNote(reference),
    });
    return { key, reference, appointment };
  }

  it("leaves an attempt alone while its time is not up: the portal may still be saving it", async () => {
    const { reference, appointment } = await diedMidBooking();
    expect(await cancelAbandonedAppointments(getDb(), freshAcuity())).toMatchObject({ cancelled: 0 });
    expect(inAcuity(reference).map((a) => a.canceled)).toEqual([false]);
    await world.emulator.settleWebhooks();
    await drainDueEvents({ resourceIds: [String(appointment.id)] });
    const [event] = await eventsOf(appointment.id);
    expect(event).toMatchObject({
      processedAt: null,
      error: expect.stringMatching(/not finished saving booking/),
    });
    // Leave nothing pending for later passes.
    await getDb()
      .update(acuityBookingAttempts)
      .set({ nextAttemptAt: sql`now()` })
      .where(eq(acuityBookingAttempts.bookingReference, reference));
    await cancelAbandonedAppointments(getDb(), freshAcuity());
  });

  it("cancels the appointment once the attempt's time is up, and frees the form the dead process held", async () => {
    const { key, reference } = await diedMidBooking();
    // The form's claim and the attempt within one millisecond, as a fast machine makes them: a JS
    // Date holds milliseconds, PostgreSQL microseconds (CI once met this by chance).
    await getDb()
      .update(bookingRequests)
      .set({ createdAt: sql`timestamptz '2026-12-04 09:36:12.541200+00'` })
      .where(eq(bookingRequests.idempotencyKey, key));
    await getDb()
      .update(acuityBookingAttempts)
      .set({
        createdAt: sql`timestamptz '2026-12-04 09:36:12.541900+00'`,
        nextAttemptAt: sql`now() - interval '1 second'`,
      })
      .where(eq(acuityBookingAttempts.bookingReference, reference));

    expect(await cancelAbandonedAppointments(getDb(), freshAcuity())).toMatchObject({
      cancelled: 1,
      failed: 0,
    });
    expect(inAcuity(reference).map((a) => a.canceled)).toEqual([true]);
    expect(
      await getDb().select().from(bookingRequests).where(eq(bookingRequests.idempotencyKey, key)),
    ).toEqual([]);
    expect(await attemptOf(reference)).toMatchObject({ resolution: "cancelled" });
  });
});
