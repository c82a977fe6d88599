/**
 * Syncs that retrying cannot fix: an appointment entered in Acuity after its own time (the seed's
 * `valid_appointment_date` holds — the portal does not record it), one moved to before its
 * booking was made, and appointment ids Acuity answers "not found" for. None is retried like a
 * network fault; each leaves the admin one plain sentence saying what happened and what to do.
 */
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, notificationEvents, webhookEvents } from "@/db/schema";
import { createAcuityClient, portalReferenceNote, signAcuityWebhook } from "@/lib/acuity";
import { DEMO_APPOINTMENT_TYPES } from "@/lib/acuity/demo-calendars";
import { claimDueEvents } from "@/lib/acuity-sync/claim-events";
import { reconcileWindow } from "@/lib/acuity-sync/reconcile";
import { captureServerLog } from "../support/server-log";
import { setUpWebhookHarness } from "../support/webhook-harness";
import { runOnOwnDemoDatabase } from "../support/own-demo-database";

// Its sweeps claim every due booking attempt of the database: only this file's may be there.
runOnOwnDemoDatabase("ime_needs_person");

const USER_ID = "4747";
const API_KEY = "needs-person-test-key";
const harness = setUpWebhookHarness({ userId: USER_ID, apiKey: API_KEY, firstAppointmentId: 3_700_001 });
const { mine, drain } = harness;
const serverLog = captureServerLog();
afterAll(() =>
  getDb()
    .update(webhookEvents)
    .set({ processedAt: sql`now()` })
    .where(sql`${webhookEvents.resourceId} IN ${[...mine]} AND ${webhookEvents.processedAt} IS NULL`),
);

/** A weekday `days` from today (negative: in the past), 10:00 on Dr. Ortiz's calendar. */
function weekday(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6)
    date.setUTCDate(date.getUTCDate() + (days < 0 ? -1 : 1));
  return `${date.toISOString().slice(0, 10)}T10:00:00`;
}
function enterInAcuity(datetime: string) {
  const appointment = harness.emulator.createAppointmentDirectly({
    calendarID: 7102,
    appointmentTypeID: DEMO_APPOINTMENT_TYPES.inPerson.id,
    datetime,
    firstName: "Sam",
    lastName: "Walkin",
    email: "sam.walkin@nowhere.example",
    phone: "312-555-0190",
  });
  mine.add(String(appointment.id));
  return appointment;
}
const eventsOf = (appointmentId: number) =>
  getDb()
    .select()
    .from(webhookEvents)
    .where(eq(webhookEvents.resourceId, String(appointmentId)));
const bookingOf = async (appointmentId: number) =>
  (
    await getDb()
      .select()
      .from(bookings)
      .where(eq(bookings.acuityAppointmentId, String(appointmentId)))
  )[0];
const acuity = () => createAcuityClient({ userId: USER_ID, apiKey: API_KEY, baseUrl: harness.emulator.url });
async function settle() {
  await harness.emulator.settleWebhooks();
  await drain();
}
async function postWebhook(appointmentId: number) {
  mine.add(String(appointmentId));
  const body = `action=changed&id=${appointmentId}&calendarID=7102&appointmentTypeID=501`;
  const response = await fetch(harness.receiverUrl, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-acuity-signature": signAcuityWebhook(body, API_KEY),
    },
  });
  expect(response.status).toBe(200);
}
const SQL_WORDS = /failed query|insert into|params:|update "|constraint/i;
/** What the admins are told (in-app and in their daily digest) about an appointment. */
const attentionAbout = (appointmentId: number) =>
  getDb()
    .select()
    .from(notificationEvents)
    .where(
      sql`${notificationEvents.kind} = 'attention.needed' AND ${notificationEvents.facts}->>'summary' LIKE ${`%appointment ${appointmentId} %`}`,
    );

describe("an appointment entered in Acuity after its own time", () => {
  it("is not retried: the admin reads what happened and what to do, and moving it to a future time in Acuity records it", async () => {
    const appointment = enterInAcuity(weekday(-3));
    await settle();

    const [event] = await eventsOf(appointment.id);
    expect(event).toMatchObject({ processedAt: null, nextAttemptAt: null, attempts: 1 });
    expect(event!.error).toMatch(
      new RegExp(
        `^Appointment ${appointment.id} was entered in Acuity after its own time had passed.*move it to its new time in Acuity`,
      ),
    );
    expect(event!.error).not.toMatch(SQL_WORDS);
    expect(await bookingOf(appointment.id)).toBeUndefined();
    // The operator's alert: an error line with the stable event name and the appointment, nothing of the examinee.
    expect(serverLog()).toMatch(/webhook\.event_gave_up/);
    expect(serverLog()).toContain(String(appointment.id));
    for (const personal of ["Sam", "Walkin", "sam.walkin", "312-555"])
      expect(serverLog()).not.toContain(personal);
    // The admins are told once, in the same words, with nothing of the examinee either.
    const [attention, ...more] = await attentionAbout(appointment.id);
    expect(more).toEqual([]);
    expect(attention).toMatchObject({ bookingId: null, actorUserId: null });
    expect(attention!.facts.reason).toBe("webhook.event_gave_up");
    expect(attention!.facts.summary).toContain(event!.error);
    expect(attention!.facts.summary).toMatch(/replay it in Admin → Webhooks/);
    for (const personal of ["Sam", "Walkin", "sam.walkin", "312-555"])
      expect(attention!.facts.summary).not.toContain(personal);
    // Nothing left for a worker to retry.
    expect(await claimDueEvents(getDb(), { limit: 10, resourceIds: [String(appointment.id)] })).toEqual([]);

    // Reconcile reports it as needing a person — in the same words — not as a failed repair.
    const day = appointment.datetime.slice(0, 10);
    const report = await reconcileWindow(getDb(), acuity(), { from: new Date(day), to: new Date(day) });
    expect(report.failed).toEqual([]);
    expect(report.needsAttention).toEqual([{ appointmentId: appointment.id, reason: event!.error }]);

    // The examination is still to happen: staff move it to its real time, and the portal follows.
    harness.emulator.changeAppointmentDirectly(appointment.id, { datetime: weekday(12) });
    await settle();
    expect(await bookingOf(appointment.id)).toMatchObject({
      source: "acuity_direct",
      currentProgress: "scheduled",
    });
    expect((await eventsOf(appointment.id)).every((e) => e.processedAt !== null)).toBe(true);
  });

  it("is quietly left out when it was cancelled as well", async () => {
    const appointment = enterInAcuity(weekday(-4));
    harness.emulator.cancelAppointmentDirectly(appointment.id);
    await settle();
    expect(
      (await eventsOf(appointment.id)).map((e) => ({ done: e.processedAt !== null, error: e.error })),
    ).toEqual([
      { done: true, error: null },
      { done: true, error: null },
    ]);
    expect(await bookingOf(appointment.id)).toBeUndefined();
  });
});

describe("a booking moved in Acuity to before it was made", () => {
  it("keeps its time and tells the admin, without retrying", async () => {
    const appointment = enterInAcuity(weekday(9));
    await settle();
    const before = await bookingOf(appointment.id);
    expect(before).toBeDefined();

    harness.emulator.changeAppointmentDirectly(appointment.id, { datetime: weekday(-2) });
    await settle();
    const failed = (await eventsOf(appointment.id)).filter((e) => e.processedAt === null);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ nextAttemptAt: null, attempts: 1 });
    expect(failed[0]!.error).toMatch(
      new RegExp(
        `Appointment ${appointment.id} was moved in Acuity to a time before booking ${before!.id} was made`,
      ),
    );
    expect(failed[0]!.error).not.toMatch(SQL_WORDS);
    expect((await bookingOf(appointment.id))!.appointmentDate).toEqual(before!.appointmentDate);
    // The admins' notification links to the booking the appointment belongs to.
    expect(await attentionAbout(appointment.id)).toMatchObject([
      { bookingId: before!.id, facts: { reason: "webhook.event_gave_up" } },
    ]);
  });
});

describe("an appointment id Acuity answers 'not found' for", () => {
  it("is settled as ignored, saying why, when no booking is linked to it", async () => {
    await postWebhook(3_799_001);
    await drain();
    const [event] = await eventsOf(3_799_001);
    expect(event).toMatchObject({
      attempts: 1,
      error: expect.stringMatching(/^Ignored: Acuity has no appointment 3799001 .*nothing to sync/),
    });
    expect(event!.processedAt).not.toBeNull();
  });

  it("waits for a person, without retrying, when a booking is linked to it", async () => {
    const appointment = enterInAcuity(weekday(15));
    await settle();
    const booking = await bookingOf(appointment.id);
    // Acuity lost it (deleted, or another account): the booking now points at nothing.
    await getDb()
      .update(bookings)
      .set({ acuityAppointmentId: "3799002" })
      .where(eq(bookings.id, booking!.id));
    await postWebhook(3_799_002);
    await drain();
    const [event] = await eventsOf(3_799_002);
    expect(event).toMatchObject({ processedAt: null, nextAttemptAt: null, attempts: 1 });
    expect(event!.error).toBe(
      `Acuity has no appointment 3799002 any more, yet booking ${booking!.id} is linked to it: ask the specialist's office whether the examination still takes place, then cancel or correct the booking in the portal.`,
    );
  });
});

describe("an appointment carrying the portal's reference that the portal never made", () => {
  it("waits for a person instead of being deferred forever as 'still saving'", async () => {
    const appointment = harness.emulator.createAppointmentDirectly({
      calendarID: 7102,
      appointmentTypeID: DEMO_APPOINTMENT_TYPES.inPerson.id,
      datetime: weekday(18),
      firstName: "Copy",
      lastName: "Paste",
      email: "copy@nowhere.example",
      notes: `Copied from another: ${portalReferenceNote("bk-never-made")}`,
    });
    mine.add(String(appointment.id));
    await settle();
    const [event] = await eventsOf(appointment.id);
    expect(event).toMatchObject({ processedAt: null, nextAttemptAt: null, attempts: 1 });
    expect(event!.error).toMatch(
      new RegExp(
        `^Appointment ${appointment.id} carries the portal's reference to booking bk-never-made, but the portal has no record of making it`,
      ),
    );
  });
});
