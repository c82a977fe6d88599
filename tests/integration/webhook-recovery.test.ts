/**
 * When webhooks go wrong: a dropped delivery repaired by reconciliation, an event that keeps
 * failing until it is given up and replayed, a slow stale read, and a webhook that arrives
 * before the portal finished saving its own booking.
 */
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { acuityBookingAttempts, bookingProgress, bookings, webhookEvents } from "@/db/schema";
import { createAcuityClient, portalReferenceNote, signAcuityWebhook } from "@/lib/acuity";
import { DEMO_APPOINTMENT_TYPES } from "@/lib/acuity/demo-calendars";
import { applyAcuityAppointment } from "@/lib/acuity-sync/apply-appointment";
import { claimDueEvents } from "@/lib/acuity-sync/claim-events";
import { processClaimedEvents } from "@/lib/acuity-sync/process-events";
import { reconcileWindow } from "@/lib/acuity-sync/reconcile";
import { replayWebhookEvents } from "@/lib/acuity-sync/replay-events";
import { MAX_ATTEMPTS } from "@/lib/acuity-sync/retry-policy";
import { getSystemUserId } from "@/lib/acuity-sync/system-user";
import { newId } from "@/lib/ids";
import { applyReadInItsOwnTransaction, readFromAcuity } from "../support/acuity-read";
import { waitUntilSessionWaitsForALock } from "../support/lock-waiter";
import { pollUntil } from "../support/poll-until";
import { setUpWebhookHarness } from "../support/webhook-harness";
import { runOnOwnDemoDatabase } from "../support/own-demo-database";

// Its sweeps claim every due booking attempt of the database: only this file's may be there.
runOnOwnDemoDatabase("ime_webhook_recovery");

const API_KEY = "recovery-test-key";
const harness = setUpWebhookHarness({ userId: "4343", apiKey: API_KEY, firstAppointmentId: 3_200_001 });
const { mine, drain } = harness;

let nextDay = 3;
function bookDirectly(input: Record<string, unknown> = {}) {
  const date = new Date(Date.now() + nextDay++ * 86_400_000);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
  const appointment = harness.emulator.createAppointmentDirectly({
    calendarID: 7102,
    appointmentTypeID: DEMO_APPOINTMENT_TYPES.inPerson.id,
    datetime: `${date.toISOString().slice(0, 10)}T10:00:00`,
    firstName: "Robin",
    lastName: "Recovery",
    email: "robin@nowhere.example",
    phone: "312-555-0142",
    ...input,
  });
  mine.add(String(appointment.id));
  return appointment;
}
const bookingFor = async (id: number) =>
  (
    await getDb()
      .select()
      .from(bookings)
      .where(eq(bookings.acuityAppointmentId, String(id)))
  )[0];
const stagesOf = async (bookingId: string) =>
  (
    await getDb()
      .select()
      .from(bookingProgress)
      .where(eq(bookingProgress.bookingId, bookingId))
      .orderBy(bookingProgress.createdAt)
  ).map((p) => p.progress);

describe("reconciliation", () => {
  it("repairs a booking whose webhooks were dropped, and a cancellation that was dropped too", async () => {
    harness.emulator.dropNextWebhook(2);
    const created = bookDirectly();
    const cancelled = bookDirectly();
    harness.emulator.dropNextWebhook(1);
    harness.emulator.cancelAppointmentDirectly(cancelled.id);
    await harness.emulator.settleWebhooks();
    expect(await bookingFor(created.id)).toBeUndefined();

    const today = new Date();
    const report = await reconcileWindow(
      getDb(),
      createAcuityClient({ userId: "4343", apiKey: API_KEY, baseUrl: harness.emulator.url }),
      {
        from: today,
        to: new Date(today.getTime() + 60 * 86_400_000),
      },
    );
    expect(report.failed).toEqual([]);
    expect(report.outcomes.created).toBeGreaterThanOrEqual(2);
    expect((await bookingFor(created.id))?.currentProgress).toBe("scheduled");
    expect((await bookingFor(cancelled.id))?.currentProgress).toBe("cancelled");

    const again = await reconcileWindow(
      getDb(),
      createAcuityClient({ userId: "4343", apiKey: API_KEY, baseUrl: harness.emulator.url }),
      {
        from: today,
        to: new Date(today.getTime() + 60 * 86_400_000),
      },
    );
    expect(again.outcomes.created ?? 0).toBe(0);
    expect(await stagesOf((await bookingFor(cancelled.id))!.id)).toEqual(["scheduled", "cancelled"]);
  });
});

describe("an event that keeps failing", () => {
  it("is retried up to the limit, then kept with its error until an admin replays it", async () => {
    const appointment = bookDirectly();
    await harness.emulator.settleWebhooks();
    const impatient = createAcuityClient(
      { userId: "4343", apiKey: API_KEY, baseUrl: harness.emulator.url },
      { maxRetries: 0 },
    );
    harness.emulator.failNextRequests(MAX_ATTEMPTS, 503);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await getDb().execute(
        sql`UPDATE webhook_events SET next_attempt_at = now() WHERE resource_id = ${String(appointment.id)} AND processed_at IS NULL AND next_attempt_at IS NOT NULL`,
      );
      const claimed = await claimDueEvents(getDb(), { limit: 10, resourceIds: [String(appointment.id)] });
      expect(claimed).toHaveLength(1);
      await processClaimedEvents(getDb(), impatient, claimed);
    }
    const [given] = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.resourceId, String(appointment.id)));
    expect(given).toMatchObject({
      attempts: MAX_ATTEMPTS,
      processedAt: null,
      nextAttemptAt: null,
      error: expect.stringMatching(/Acuity/),
    });
    expect(await claimDueEvents(getDb(), { limit: 10, resourceIds: [String(appointment.id)] })).toEqual([]);

    expect(await replayWebhookEvents(getDb(), { eventIds: [given!.id] })).toEqual([given!.id]);
    await drain();
    const [replayed] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, given!.id));
    expect(replayed).toMatchObject({ error: null, attempts: 1 });
    expect((await bookingFor(appointment.id))?.source).toBe("acuity_direct");
  });
});

describe("ordering", () => {
  it("never lets a read that started earlier overwrite a newer one already applied", async () => {
    const appointment = bookDirectly();
    await harness.emulator.settleWebhooks();
    await drain();
    const client = createAcuityClient({ userId: "4343", apiKey: API_KEY, baseUrl: harness.emulator.url });
    const early = await client.getAppointment(appointment.id);
    const earlyStartedAt = new Date(Date.now() - 1000);
    harness.emulator.cancelAppointmentDirectly(appointment.id);
    await harness.emulator.settleWebhooks();
    await drain();
    expect((await bookingFor(appointment.id))?.currentProgress).toBe("cancelled");

    const systemUserId = await getSystemUserId(getDb());
    const outcome = await getDb().transaction((tx) =>
      applyAcuityAppointment(tx, early, {
        systemUserId,
        readStartedAt: earlyStartedAt,
        eventIds: [],
        trigger: "webhook",
      }),
    );
    expect(outcome.outcome).toBe("stale");
    expect((await bookingFor(appointment.id))?.currentProgress).toBe("cancelled");
  });
});

describe("two syncs of a new appointment at once", () => {
  it("the later one waits for the first's mark, then updates the booking the first created — one booking", async () => {
    harness.emulator.dropNextWebhook(1);
    const appointment = bookDirectly();
    await harness.emulator.settleWebhooks();
    const client = createAcuityClient({ userId: "4343", apiKey: API_KEY, baseUrl: harness.emulator.url });
    const first = await readFromAcuity(client, appointment.id);
    harness.emulator.changeAppointmentDirectly(appointment.id, { firstName: "Robyn" });
    const second = await readFromAcuity(client, appointment.id);

    // The first has created the booking and holds the mark, not committed yet…
    let firstApplied = false;
    let commitFirst!: () => void;
    const firstSync = applyReadInItsOwnTransaction(first, {
      beforeCommit: () => {
        firstApplied = true;
        return new Promise<void>((resolve) => (commitFirst = resolve));
      },
    });
    await pollUntil(() => firstApplied);
    // …when the second finds no booking and waits for the mark.
    let secondPid = 0;
    const secondSync = applyReadInItsOwnTransaction(second, { onSession: (pid) => (secondPid = pid) });
    await pollUntil(() => secondPid > 0);
    await waitUntilSessionWaitsForALock(secondPid);
    commitFirst();

    expect((await firstSync).outcome).toBe("created");
    expect(await secondSync).toMatchObject({
      outcome: "updated",
      changes: { examineeName: ["Robin Recovery", "Robyn Recovery"] },
    });
    const rows = await getDb()
      .select({ name: bookings.examineeName })
      .from(bookings)
      .where(eq(bookings.acuityAppointmentId, String(appointment.id)));
    expect(rows).toEqual([{ name: "Robyn Recovery" }]);
  });
});

describe("a webhook for the portal's own appointment", () => {
  it("waits while the portal is still saving the booking, then finds it and adds nothing", async () => {
    const bookingId = newId();
    const [requester] = await getDb()
      .execute<{ id: string }>(sql`SELECT id FROM users WHERE email = 'east@summit.test'`)
      .then((r) => r.rows);
    // The booking flow records its attempt before it asks Acuity (lib/bookings/booking-attempts.ts).
    await getDb()
      .insert(acuityBookingAttempts)
      .values({
        bookingReference: bookingId,
        requestedById: requester!.id,
        idempotencyKey: newId(),
        acuityCalendarId: "7102",
        appointmentAt: new Date(Date.now() + 86_400_000),
      });
    const appointment = bookDirectly({
      notes: `Examination brief to follow. ${portalReferenceNote(bookingId)}`,
      scheduledBy: null,
    });
    await harness.emulator.settleWebhooks();
    await drain();
    const [waiting] = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.resourceId, String(appointment.id)));
    expect(waiting).toMatchObject({
      processedAt: null,
      error: expect.stringMatching(/not finished saving booking/),
    });
    expect(await bookingFor(appointment.id)).toBeUndefined();

    // The portal's transaction commits its booking (as the booking flow does).
    const [specialist] = await getDb()
      .execute<{ id: string }>(sql`SELECT id FROM specialists WHERE acuity_calendar_id = '7102'`)
      .then((r) => r.rows);
    const [org] = await getDb()
      .execute<{ id: string; user_id: string }>(
        sql`SELECT o.id, m.user_id FROM organizations o JOIN members m ON m.organization_id = o.id WHERE o.slug = 'summit-mutual' LIMIT 1`,
      )
      .then((r) => r.rows);
    await getDb()
      .insert(bookings)
      .values({
        id: bookingId,
        acuityAppointmentId: String(appointment.id),
        specialistId: specialist!.id,
        organizationId: org!.id,
        createdById: org!.user_id,
        examineeName: "Robin Recovery",
        examineePhone: "+13125550142",
        examineeEmail: "robin@nowhere.example",
        appointmentDate: new Date(appointment.datetime),
        appointmentType: "in_person",
      });
    await getDb()
      .insert(bookingProgress)
      .values({ bookingId, progress: "scheduled", changedById: org!.user_id });
    await getDb().delete(acuityBookingAttempts).where(eq(acuityBookingAttempts.bookingReference, bookingId));

    await getDb()
      .update(webhookEvents)
      .set({ nextAttemptAt: new Date() })
      .where(eq(webhookEvents.id, waiting!.id));
    await drain();
    expect((await bookingFor(appointment.id))?.source).toBe("portal");
    expect(await stagesOf(bookingId)).toEqual(["scheduled"]);
    const [done] = await getDb().select().from(webhookEvents).where(eq(webhookEvents.id, waiting!.id));
    expect(done?.processedAt).not.toBeNull();
  });
});

describe("a booking made in the portal", () => {
  it("takes the new time from Acuity but keeps the examinee details the portal recorded", async () => {
    const bookingId = newId();
    // Acuity requires an e-mail; the booking flow sends the booker's when the examinee has none.
    const appointment = bookDirectly({
      email: "east@summit.test",
      notes: portalReferenceNote(bookingId),
      scheduledBy: null,
    });
    const [specialist] = await getDb()
      .execute<{ id: string }>(sql`SELECT id FROM specialists WHERE acuity_calendar_id = '7102'`)
      .then((r) => r.rows);
    const [org] = await getDb()
      .execute<{ id: string; user_id: string }>(
        sql`SELECT o.id, u.id AS user_id FROM organizations o JOIN members m ON m.organization_id = o.id JOIN users u ON u.id = m.user_id WHERE u.email = 'east@summit.test'`,
      )
      .then((r) => r.rows);
    await getDb()
      .insert(bookings)
      .values({
        id: bookingId,
        acuityAppointmentId: String(appointment.id),
        specialistId: specialist!.id,
        organizationId: org!.id,
        createdById: org!.user_id,
        examineeName: "Robin Recovery-Smith",
        examineePhone: "+13125550142",
        examineeEmail: null,
        appointmentDate: new Date(appointment.datetime),
        appointmentType: "in_person",
      });
    await getDb()
      .insert(bookingProgress)
      .values({ bookingId, progress: "scheduled", changedById: org!.user_id });
    await harness.emulator.settleWebhooks();

    const later = new Date(Date.now() + 80 * 86_400_000);
    while (later.getUTCDay() === 0 || later.getUTCDay() === 6) later.setUTCDate(later.getUTCDate() + 1);
    harness.emulator.changeAppointmentDirectly(appointment.id, {
      datetime: `${later.toISOString().slice(0, 10)}T11:00:00`,
    });
    await harness.emulator.settleWebhooks();
    await drain();

    const booking = await bookingFor(appointment.id);
    expect(booking).toMatchObject({
      currentProgress: "rescheduled",
      examineeEmail: null,
      examineeName: "Robin Recovery-Smith",
    });
    expect(booking!.appointmentDate.toISOString().slice(0, 10)).toBe(later.toISOString().slice(0, 10));
  });
});

it("answers the signed route in a way Acuity understands", async () => {
  const body = "action=appointment.changed&id=3299999";
  mine.add("3299999");
  const response = await fetch(harness.receiverUrl, {
    method: "POST",
    body,
    headers: {
      "x-acuity-signature": signAcuityWebhook(body, API_KEY),
      "content-type": "application/x-www-form-urlencoded",
    },
  });
  expect(response.status).toBe(200);
  await getDb().execute(sql`UPDATE webhook_events SET processed_at = now() WHERE resource_id = '3299999'`);
});
