/**
 * The Acuity webhook inbox end to end: the emulator sends signed deliveries over HTTP to the
 * real route handler; the worker reads Acuity and makes bookings match. One file, run in
 * sequence, because draining claims every due event in the shared database.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookingProgress, bookings, organizations, webhookEvents } from "@/db/schema";
import { signAcuityWebhook } from "@/lib/acuity";
import { DEMO_APPOINTMENT_TYPES } from "@/lib/acuity/demo-calendars";
import { setUpWebhookHarness } from "../support/webhook-harness";

const API_KEY = "inbox-test-key";
/** 3999999, 3999996 and 800001 are posted about by hand below. */
const harness = setUpWebhookHarness({
  userId: "4242",
  apiKey: API_KEY,
  firstAppointmentId: 3_100_001,
  mine: ["3999999", "3999996", "800001"],
});
const { mine, drain } = harness;
beforeAll(() => {
  process.env.ACUITY_ORGANIZATION_FIELD_ID = "9001";
});
beforeEach(() => harness.emulator.setWebhookActionStyle("bare"));

/** A weekday slot `days` ahead at 10:00 in New York (calendar 7101's working hours). */
function slot(days: number, hour = 10): string {
  const date = new Date(Date.now() + days * 86_400_000);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
  return `${date.toISOString().slice(0, 10)}T${String(hour).padStart(2, "0")}:00:00`;
}

function bookDirectly(input: Record<string, unknown> = {}) {
  const appointment = harness.emulator.createAppointmentDirectly({
    calendarID: 7101,
    appointmentTypeID: DEMO_APPOINTMENT_TYPES.inPerson.id,
    datetime: slot(10 + Math.floor(Math.random() * 30), 9 + Math.floor(Math.random() * 7)),
    firstName: "Pat",
    lastName: "Direct",
    email: `pat.${Date.now()}.${Math.random().toString(36).slice(2)}@example.com`,
    phone: "(212) 555-0199",
    ...input,
  });
  mine.add(String(appointment.id));
  return appointment;
}

async function settle() {
  await harness.emulator.settleWebhooks();
  await drain();
}

const bookingFor = async (appointmentId: number) =>
  (
    await getDb()
      .select()
      .from(bookings)
      .where(eq(bookings.acuityAppointmentId, String(appointmentId)))
  )[0];
const progressOf = async (bookingId: string) =>
  (
    await getDb()
      .select()
      .from(bookingProgress)
      .where(eq(bookingProgress.bookingId, bookingId))
      .orderBy(bookingProgress.createdAt)
  ).map((p) => p.progress);
const eventsFor = (appointmentId: number) =>
  getDb()
    .select()
    .from(webhookEvents)
    .where(eq(webhookEvents.resourceId, String(appointmentId)));

/** Takes a test's deliberately unprocessable events out of the queue so later drains don't retry them. */
const retireEvents = (appointmentIds: number[]) =>
  getDb().execute(
    sql`UPDATE webhook_events SET processed_at = now() WHERE processed_at IS NULL AND resource_id IN ${appointmentIds.map(String)}`,
  );

async function post(body: string, signature: string | null) {
  return fetch(harness.receiverUrl, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...(signature ? { "x-acuity-signature": signature } : {}),
    },
    body,
  });
}

describe("signature checks", () => {
  const body = "action=scheduled&id=3999999&calendarID=7101&appointmentTypeID=501";
  afterAll(() => retireEvents([3999999]));

  it("accepts a correctly signed delivery and stores it", async () => {
    const response = await post(body, signAcuityWebhook(body, API_KEY));
    expect(response.status).toBe(200);
    expect(await eventsFor(3999999)).toHaveLength(1);
  });

  it.each([
    ["missing", null],
    ["wrong", signAcuityWebhook(body, "another-key")],
    ["body-tampered", signAcuityWebhook(body.replace("3999999", "3999998"), API_KEY)],
  ])("rejects a %s signature with 401 and stores nothing", async (_label, signature) => {
    const tampered = body.replace("3999999", "3999997");
    const response = await post(tampered, signature);
    expect(response.status).toBe(401);
    expect(await eventsFor(3999997)).toHaveLength(0);
  });

  it("stores an action it does not handle as processed and ignored, not an error", async () => {
    const odd = "action=order.completed&id=3999996";
    expect((await post(odd, signAcuityWebhook(odd, API_KEY))).status).toBe(200);
    const [event] = await eventsFor(3999996);
    expect(event?.processedAt).not.toBeNull();
    expect(event?.error).toMatch(/Ignored/);
  });
});

describe("processing", () => {
  it.each(["bare", "prefixed"] as const)(
    "turns a direct Acuity booking into a booking (%s action spelling)",
    async (style) => {
      harness.emulator.setWebhookActionStyle(style);
      const appointment = bookDirectly({ email: "motor@northwind.test" });
      await settle();
      const booking = await bookingFor(appointment.id);
      expect(booking).toMatchObject({
        source: "acuity_direct",
        currentProgress: "scheduled",
        examineePhone: "+12125550199",
      });
      expect(booking?.externalCreatedBy).toBe("frontdesk@provider.test");
      expect((await eventsFor(appointment.id)).every((e) => e.processedAt !== null && e.error === null)).toBe(
        true,
      );
    },
  );

  it("makes one booking and one scheduled row from the same event delivered five times", async () => {
    harness.emulator.dropNextWebhook(1);
    const appointment = bookDirectly();
    await harness.emulator.settleWebhooks();
    const body = `action=scheduled&id=${appointment.id}&calendarID=7101&appointmentTypeID=501`;
    for (let delivery = 0; delivery < 5; delivery++) await post(body, signAcuityWebhook(body, API_KEY));
    await drain();
    await post(body, signAcuityWebhook(body, API_KEY)); // and once more after it was processed
    await drain();
    expect(await eventsFor(appointment.id)).toHaveLength(6);
    const rows = await getDb()
      .select()
      .from(bookings)
      .where(eq(bookings.acuityAppointmentId, String(appointment.id)));
    expect(rows).toHaveLength(1);
    expect(await progressOf(rows[0]!.id)).toEqual(["scheduled"]);
  });

  it("ends with a cancelled booking when the cancel arrives before the schedule", async () => {
    harness.emulator.holdWebhooks();
    const appointment = bookDirectly();
    harness.emulator.cancelAppointmentDirectly(appointment.id, { cancelNote: "Claimant withdrew" });
    harness.emulator.releaseWebhooks("reversed");
    await settle();
    const booking = await bookingFor(appointment.id);
    expect(booking?.currentProgress).toBe("cancelled");
    expect(await progressOf(booking!.id)).toEqual(["scheduled", "cancelled"]);
  });

  it("moves the booking and records one rescheduled row when Acuity reschedules it", async () => {
    const appointment = bookDirectly();
    await settle();
    harness.emulator.duplicateNextWebhook(1);
    harness.emulator.changeAppointmentDirectly(appointment.id, { datetime: slot(45, 11) });
    await settle();
    const booking = await bookingFor(appointment.id);
    expect(booking?.appointmentDate.toISOString()).toBe(
      new Date(
        harness.emulator.listAllAppointments().find((a) => a.id === appointment.id)!.datetime,
      ).toISOString(),
    );
    expect(await progressOf(booking!.id)).toEqual(["scheduled", "rescheduled"]);
  });

  it("keeps the error when Acuity fails, and a later retry succeeds with nothing lost", async () => {
    harness.emulator.holdWebhooks();
    const appointment = bookDirectly();
    // The client tries a read 4 times (1 + 3 retries): make every one of them fail.
    harness.emulator.failNextRequests(4, 500);
    harness.emulator.releaseWebhooks("in-order");
    await settle();
    const failed = await eventsFor(appointment.id);
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      processedAt: null,
      attempts: 1,
      error: expect.stringMatching(/Acuity/),
    });
    expect(failed[0]!.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await bookingFor(appointment.id)).toBeUndefined();

    // The backoff has passed: the next worker pass retries it.
    await getDb()
      .update(webhookEvents)
      .set({ nextAttemptAt: new Date() })
      .where(eq(webhookEvents.id, failed[0]!.id));
    await drain();
    const [retried] = await eventsFor(appointment.id);
    expect(retried).toMatchObject({ error: null, attempts: 2 });
    expect(retried?.processedAt).not.toBeNull();
    expect((await bookingFor(appointment.id))?.currentProgress).toBe("scheduled");
  });

  it("converges on one consistent booking from 20 concurrent deliveries for one appointment", async () => {
    const appointment = bookDirectly();
    harness.emulator.cancelAppointmentDirectly(appointment.id);
    await harness.emulator.settleWebhooks();
    const body = `action=changed&id=${appointment.id}&calendarID=7101&appointmentTypeID=501`;
    const responses = await Promise.all(
      Array.from({ length: 20 }, () => post(body, signAcuityWebhook(body, API_KEY))),
    );
    expect(responses.every((r) => r.status === 200)).toBe(true);
    // Several workers at once, as several app instances would run.
    await Promise.all([drain(), drain(), drain()]);
    const rows = await getDb()
      .select()
      .from(bookings)
      .where(eq(bookings.acuityAppointmentId, String(appointment.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.currentProgress).toBe("cancelled");
    expect(await progressOf(rows[0]!.id)).toEqual(["scheduled", "cancelled"]);
    const pending = (await eventsFor(appointment.id)).filter((e) => e.processedAt === null);
    expect(pending).toEqual([]);
  });

  it("leaves a booking untouched when Acuity cannot produce its appointment", async () => {
    const [existing] = await getDb()
      .select()
      .from(bookings)
      .where(eq(bookings.acuityAppointmentId, "800001"));
    const before = await progressOf(existing!.id);
    const body = "action=changed&id=800001&calendarID=7101&appointmentTypeID=501";
    await post(body, signAcuityWebhook(body, API_KEY));
    await drain();
    // This emulator does not know 800001, so the event fails and waits; the booking is untouched.
    expect(await progressOf(existing!.id)).toEqual(before);
    const [event] = await eventsFor(800001);
    expect(event?.error).toMatch(/Acuity/);
    await retireEvents([800001]);
  });
});

describe("organization of a booking made directly in Acuity", () => {
  const organizationOf = async (appointmentId: number) => {
    const booking = await bookingFor(appointmentId);
    const [org] = await getDb()
      .select()
      .from(organizations)
      .where(eq(organizations.id, booking!.organizationId));
    return org!;
  };

  it("is the single organization of the portal user with the client's e-mail", async () => {
    const appointment = bookDirectly({ email: "West@Summit.test" });
    await settle();
    expect((await organizationOf(appointment.id)).name).toBe("Summit Employers Mutual");
  });

  it("else the organization named in the intake form", async () => {
    const appointment = bookDirectly({ fields: [{ id: 9001, value: "harbor & finch lawyers" }] });
    await settle();
    expect((await organizationOf(appointment.id)).name).toBe("Harbor & Finch Lawyers");
  });

  it("else the triage organization for admins to review", async () => {
    const appointment = bookDirectly({ email: "stranger@nowhere.example" });
    await settle();
    expect((await organizationOf(appointment.id)).slug).toBe("triage");
    const audits = await getDb().execute(
      sql`SELECT metadata FROM audit_logs WHERE action = 'booking.synced_from_acuity' AND resource_id = ${(await bookingFor(appointment.id))!.id}`,
    );
    expect(audits.rows[0]).toMatchObject({ metadata: { created: true, organizationRule: "triage" } });
  });

  it("waits when no specialist is linked to the calendar, keeping the reason for admins", async () => {
    const appointment = bookDirectly({
      calendarID: 7106,
      appointmentTypeID: DEMO_APPOINTMENT_TYPES.telehealth.id,
    });
    await getDb().execute(
      sql`UPDATE specialists SET acuity_calendar_id = 'unlinked-7106' WHERE acuity_calendar_id = '7106'`,
    );
    try {
      await settle();
      const [event] = await eventsFor(appointment.id);
      expect(event?.error).toMatch(/No specialist is linked to Acuity calendar 7106/);
      expect(await bookingFor(appointment.id)).toBeUndefined();
    } finally {
      await getDb().execute(
        sql`UPDATE specialists SET acuity_calendar_id = '7106' WHERE acuity_calendar_id = 'unlinked-7106'`,
      );
    }
    await getDb()
      .update(webhookEvents)
      .set({ nextAttemptAt: new Date() })
      .where(and(eq(webhookEvents.resourceId, String(appointment.id))));
    await drain();
    expect((await bookingFor(appointment.id))?.appointmentType).toBe("telehealth");
  });
});
