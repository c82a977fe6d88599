/**
 * Staff change an appointment in Acuity beyond its time — another specialist's calendar,
 * in person ↔ telehealth — and the booking must follow, through the real webhook route and
 * worker. Also: the audit row names every event the Acuity read answered.
 */
import { describe, expect, it } from "vitest";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs, bookingProgress, bookings, specialists, webhookEvents } from "@/db/schema";
import { createAcuityClient } from "@/lib/acuity";
import { DEMO_APPOINTMENT_TYPES } from "@/lib/acuity/demo-calendars";
import { claimDueEvents } from "@/lib/acuity-sync/claim-events";
import { processClaimedEvents } from "@/lib/acuity-sync/process-events";
import { getSystemUserId } from "@/lib/acuity-sync/system-user";
import { loadProgressView } from "@/lib/bookings/progress/load-progress-view";
import { newId } from "@/lib/ids";
import { createSignedInAdmin } from "../support/admin-session";
import { setUpWebhookHarness } from "../support/webhook-harness";

const USER_ID = "4444";
const API_KEY = "sync-moves-test-key";
const HART = 7101;
const ORTIZ = 7102;
/** The demo account's calendar no specialist is linked to. */
const LIU = 7107;
const harness = setUpWebhookHarness({ userId: USER_ID, apiKey: API_KEY, firstAppointmentId: 3_500_001 });
const { mine, drain } = harness;

let nextDay = 5;
async function bookedInAcuity(input: Record<string, unknown> = {}) {
  const date = new Date(Date.now() + nextDay++ * 86_400_000);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
  const appointment = harness.emulator.createAppointmentDirectly({
    calendarID: HART,
    appointmentTypeID: DEMO_APPOINTMENT_TYPES.inPerson.id,
    datetime: `${date.toISOString().slice(0, 10)}T10:00:00`,
    firstName: "Morgan",
    lastName: "Mover",
    email: "morgan@nowhere.example",
    phone: "212-555-0177",
    ...input,
  });
  mine.add(String(appointment.id));
  await settle();
  return appointment;
}
async function settle() {
  await harness.emulator.settleWebhooks();
  await drain();
}

const bookingOf = async (appointmentId: number) =>
  (
    await getDb()
      .select()
      .from(bookings)
      .where(eq(bookings.acuityAppointmentId, String(appointmentId)))
  )[0]!;
const stagesOf = async (bookingId: string) =>
  (
    await getDb()
      .select()
      .from(bookingProgress)
      .where(eq(bookingProgress.bookingId, bookingId))
      .orderBy(asc(bookingProgress.createdAt))
  ).map((row) => ({ progress: row.progress, notes: row.notes }));
const specialistOf = async (calendarId: number) =>
  (
    await getDb()
      .select()
      .from(specialists)
      .where(eq(specialists.acuityCalendarId, String(calendarId)))
  )[0]!.id;
const syncAudits = async (bookingId: string) =>
  (
    await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "booking.synced_from_acuity"), eq(auditLogs.resourceId, bookingId)))
      .orderBy(asc(auditLogs.timestamp))
  ).map((row) => row.metadata as Record<string, unknown>);

describe("a move to another specialist's calendar in Acuity", () => {
  it("gives the booking that specialist, keeps the time, and records one rescheduled row", async () => {
    const appointment = await bookedInAcuity();
    const before = await bookingOf(appointment.id);
    expect(before.specialistId).toBe(await specialistOf(HART));

    harness.emulator.duplicateNextWebhook(1); // Acuity may say it twice
    harness.emulator.changeAppointmentDirectly(appointment.id, { calendarID: ORTIZ });
    await settle();

    const after = await bookingOf(appointment.id);
    expect(after.specialistId).toBe(await specialistOf(ORTIZ));
    expect(after.appointmentDate.toISOString()).toBe(before.appointmentDate.toISOString());
    expect(await stagesOf(after.id)).toEqual([
      { progress: "scheduled", notes: expect.stringMatching(/Booked directly in Acuity/) },
      { progress: "rescheduled", notes: "Moved to another specialist in Acuity" },
    ]);
    const moved = (await syncAudits(after.id)).at(-1)!;
    expect(moved.changes).toEqual({
      specialistId: [await specialistOf(HART), await specialistOf(ORTIZ)],
      currentProgress: ["scheduled", "rescheduled"],
    });
  });

  it("fails the event with a reason admins can act on when no specialist has that calendar, and a replay after linking finishes it", async () => {
    const appointment = await bookedInAcuity();
    harness.emulator.changeAppointmentDirectly(appointment.id, { calendarID: LIU });
    await settle();

    const [event] = await getDb()
      .select()
      .from(webhookEvents)
      .where(
        and(eq(webhookEvents.resourceId, String(appointment.id)), sql`${webhookEvents.processedAt} IS NULL`),
      );
    expect(event?.error).toMatch(
      new RegExp(`calendar ${LIU}, which no specialist is linked to; link one, then replay`),
    );
    const untouched = await bookingOf(appointment.id);
    expect(untouched.specialistId).toBe(await specialistOf(HART));
    expect((await stagesOf(untouched.id)).map((s) => s.progress)).toEqual(["scheduled"]);

    // An admin links a specialist to the calendar and replays.
    const liuId = newId();
    await getDb()
      .insert(specialists)
      .values({
        id: liuId,
        userId: await getSystemUserId(getDb()),
        acuityCalendarId: String(LIU),
        name: "Dr. Grace Liu",
        specialty: "Rheumatology",
      });
    try {
      await getDb()
        .update(webhookEvents)
        .set({ nextAttemptAt: new Date() })
        .where(eq(webhookEvents.id, event!.id));
      await drain();
      expect((await bookingOf(appointment.id)).specialistId).toBe(liuId);
      expect((await stagesOf(untouched.id)).map((s) => s.progress)).toEqual(["scheduled", "rescheduled"]);
    } finally {
      // Leave the shared demo world as it was: the booking back with Dr. Hart, 7107 unlinked.
      harness.emulator.changeAppointmentDirectly(appointment.id, { calendarID: HART });
      await settle();
      await getDb().delete(specialists).where(eq(specialists.id, liuId));
    }
  });
});

describe("moves of the time in Acuity", () => {
  it("each appear in the booking's history with the old and the new time — also a second one, while the booking stays rescheduled", async () => {
    const appointment = await bookedInAcuity();
    const booked = await bookingOf(appointment.id);
    const times: Date[] = [booked.appointmentDate];
    for (const days of [40, 47]) {
      const date = new Date(Date.now() + days * 86_400_000);
      while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
      harness.emulator.changeAppointmentDirectly(appointment.id, {
        datetime: `${date.toISOString().slice(0, 10)}T14:00:00`,
      });
      await settle();
      times.push((await bookingOf(appointment.id)).appointmentDate);
    }
    expect(times[2]).not.toEqual(times[1]);

    // The history the booking page shows (scoped to its viewer, here an admin).
    const { actor } = await createSignedInAdmin();
    const { timeline } = await loadProgressView(getDb(), actor, booked.id);
    expect(
      timeline.map((entry) => ({
        progress: entry.progress,
        from: entry.appointmentFrom,
        to: entry.appointmentTo,
      })),
    ).toEqual([
      { progress: "scheduled", from: null, to: null },
      { progress: "rescheduled", from: times[0], to: times[1] },
      { progress: "rescheduled", from: times[1], to: times[2] },
    ]);
  });
});

describe("a change of appointment type in Acuity", () => {
  it("turns an in-person booking into a telehealth one with the meeting link, without a progress row", async () => {
    const appointment = await bookedInAcuity();
    expect(await bookingOf(appointment.id)).toMatchObject({
      appointmentType: "in_person",
      meetingLink: null,
    });

    harness.emulator.changeAppointmentDirectly(appointment.id, {
      appointmentTypeID: DEMO_APPOINTMENT_TYPES.telehealth.id,
    });
    await settle();

    const booking = await bookingOf(appointment.id);
    expect(booking).toMatchObject({
      appointmentType: "telehealth",
      meetingLink: `https://meet.example.test/ime-${appointment.id}`,
    });
    expect((await stagesOf(booking.id)).map((s) => s.progress)).toEqual(["scheduled"]);
    expect((await syncAudits(booking.id)).at(-1)!.changes).toEqual({
      appointmentType: ["in_person", "telehealth"],
      meetingLink: [null, `https://meet.example.test/ime-${appointment.id}`],
    });
  });
});

describe("the audit row of a sync", () => {
  it("names every event the Acuity read answered, not only the ones this worker claimed", async () => {
    harness.emulator.duplicateNextWebhook(1);
    const date = new Date(Date.now() + 90 * 86_400_000);
    while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
    const appointment = harness.emulator.createAppointmentDirectly({
      calendarID: HART,
      appointmentTypeID: DEMO_APPOINTMENT_TYPES.inPerson.id,
      datetime: `${date.toISOString().slice(0, 10)}T11:00:00`,
      firstName: "Avery",
      lastName: "Twice",
      email: "avery@nowhere.example",
      phone: "212-555-0178",
    });
    mine.add(String(appointment.id));
    await harness.emulator.settleWebhooks();
    const events = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.resourceId, String(appointment.id)))
      .orderBy(asc(webhookEvents.createdAt));
    expect(events).toHaveLength(2);

    // This worker claims only the first; the read answers the second as well.
    const claimed = await claimDueEvents(getDb(), { limit: 1, ids: [events[0]!.id] });
    await processClaimedEvents(
      getDb(),
      createAcuityClient({ userId: USER_ID, apiKey: API_KEY, baseUrl: harness.emulator.url }),
      claimed,
    );

    const after = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.resourceId, String(appointment.id)));
    expect(after.every((e) => e.processedAt !== null)).toBe(true);
    const [created] = await syncAudits((await bookingOf(appointment.id)).id);
    expect(created).toMatchObject({ created: true, eventIds: events.map((e) => e.id).sort() });
  });
});
