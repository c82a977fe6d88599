/**
 * Every place a booking change is applied records exactly one notification event, in the
 * change's own transaction: portal booking, reschedule, cancel and stage moves, and the changes
 * Acuity's webhooks bring (the real route over HTTP, the emulator, the worker's drain). A portal
 * change's own webhook, duplicate and out-of-order deliveries, and a rolled-back change record
 * nothing more. The events then fan out to exactly the expected people.
 *
 * The booking's specialist is the demo seed's Dr. Okafor (calendar 7104): a webhook's calendar
 * must name the specialist exactly, and no other file books on that calendar through webhooks.
 */
import { randomInt, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { bookingContacts, bookings, documents, specialists, users, webhookEvents } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { auditContextFor, type RequestActor } from "@/lib/actions/request-actor";
import { getAcuityClient } from "@/lib/acuity";
import { DEMO_APPOINTMENT_TYPES } from "@/lib/acuity/demo-calendars";
import type { Actor } from "@/lib/authz/actor";
import { loadActor } from "@/lib/authz/load-actor";
import { getAvailableDates } from "@/lib/availability/available-dates";
import { getAvailableTimes, type AvailableSlot } from "@/lib/availability/available-times";
import { availabilityCache } from "@/lib/availability/cache";
import {
  cancelBookingDefinition,
  createBookingDefinition,
  rescheduleBookingDefinition,
} from "@/lib/bookings/booking-actions";
import { createBooking } from "@/lib/bookings/create-booking";
import { rescheduleBooking } from "@/lib/bookings/reschedule-booking";
import { acuityProgressSideEffect } from "@/lib/bookings/progress/acuity-side-effect";
import {
  changeProgressDefinition,
  correctProgressDefinition,
} from "@/lib/bookings/progress/progress-action-definitions";
import { createBookingSchema } from "@/lib/bookings/schemas";
import { deliverOutboxEmail } from "@/lib/email/deliver-email";
import { addOrganizationContactDefinition } from "@/lib/notifications/contact-definitions";
import { fanOutNotificationEvent } from "@/lib/notifications/fan-out";
import { recordNotificationEvent } from "@/lib/notifications/record-event";
import { failAuditRowsWhere } from "../support/failing-audit-trigger";
import { calendarOf, waitForMail, type ReceivedMail } from "../support/mailbox";
import { insertAuthzWorld } from "../support/insert-authz-world";
import {
  eventKindsOf,
  eventsOf,
  fanOutBooking,
  inAppOf,
  outboxOf,
  outboxRowsOf,
} from "../support/notification-rows";
import { setUpWebhookHarness } from "../support/webhook-harness";

const harness = setUpWebhookHarness({
  userId: "4848",
  apiKey: "notification-hooks-key",
  firstAppointmentId: 3_900_001,
});
const OKAFOR = 7104;
const ZONE = "America/Los_Angeles";
const CLAIMS = "claims.desk@insurer.test";

type World = Awaited<ReturnType<typeof insertAuthzWorld>>;
let world: World;
let okafor: { id: string; email: string };
const PEOPLE = ["memberA1", "ownerA", "platformAdmin", "specialistS1"] as const;
/** The fixture's actors as loadActor builds them (their stored e-mails included). */
const people = {} as Record<(typeof PEOPLE)[number], Actor>;

const as = (actor: Actor) => async (): Promise<RequestActor> => ({
  actor,
  auditContext: auditContextFor(actor, { ipAddress: "203.0.113.7", userAgent: "vitest" }),
});

beforeAll(async () => {
  world = await insertAuthzWorld({ withMemberships: true });
  for (const key of PEOPLE) people[key] = (await loadActor(getDb(), world.id(key), null))!;
  const [row] = await getDb()
    .select({ id: specialists.id, email: users.email })
    .from(specialists)
    .innerJoin(users, eq(users.id, specialists.userId))
    .where(eq(specialists.acuityCalendarId, String(OKAFOR)));
  okafor = row!;
  // Organization A names a default recipient: every new booking of A gets it.
  const added = await defineAction(
    addOrganizationContactDefinition,
    as(people.ownerA),
  )({
    organizationId: world.id("A"),
    email: CLAIMS,
    name: "Claims desk",
  });
  expect(added.ok).toBe(true);
});

/** Delivers Acuity's pending notices to the route and drains them; how many events were processed. */
async function settle(): Promise<number> {
  await harness.emulator.settleWebhooks();
  return harness.drain();
}

let slotCursor = 0;
/** Free telehealth slots on Dr. Okafor's calendar, each test taking fresh ones. */
async function nextSlots(count: number): Promise<AvailableSlot[]> {
  availabilityCache().clear();
  const query = { calendarId: String(OKAFOR), appointmentType: "telehealth" as const, timezone: ZONE };
  const slots: AvailableSlot[] = [];
  const now = new Date();
  for (let i = 0; i < 4 && slots.length < slotCursor + count; i++) {
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + i, 1))
      .toISOString()
      .slice(0, 7);
    for (const date of await getAvailableDates({ ...query, month }, getAcuityClient())) {
      slots.push(...(await getAvailableTimes({ ...query, date }, getAcuityClient())));
      if (slots.length >= slotCursor + count) break;
    }
  }
  const taken = slots.slice(slotCursor, slotCursor + count);
  slotCursor += count;
  expect(taken).toHaveLength(count);
  return taken;
}

/** The booking form as the page sends it (createBooking itself takes it parsed). */
const form = (datetime: string): z.input<typeof createBookingSchema> => ({
  idempotencyKey: randomUUID(),
  specialistId: okafor.id,
  appointmentType: "telehealth",
  datetime,
  organizationId: world.id("A"),
  teamId: world.id("A1"),
  examineeName: "Jordan Claimant",
  examineePhone: "(212) 555-0142",
});

const bookingRow = async (bookingId: string) =>
  (await getDb().select().from(bookings).where(eq(bookings.id, bookingId)))[0]!;

/** memberA1 books through the portal; the appointment's webhooks are this file's to drain. */
async function bookInPortal(): Promise<{ bookingId: string; slot: AvailableSlot }> {
  const [slot] = await nextSlots(1);
  const result = await defineAction(createBookingDefinition, as(people.memberA1))(form(slot!.datetime));
  if (!result.ok) throw new Error(result.error);
  harness.mine.add((await bookingRow(result.data.bookingId)).acuityAppointmentId);
  return { bookingId: result.data.bookingId, slot: slot! };
}

const memberA1Mail = () => people.memberA1.email;

describe("a booking made in the portal", () => {
  it("records one booked event with the organization's default recipient on it; its own webhook records none", async () => {
    const { bookingId } = await bookInPortal();
    expect(await eventKindsOf(bookingId)).toEqual(["booking.booked"]);
    const [event] = await eventsOf(bookingId);
    expect(event).toMatchObject({ actorUserId: world.id("memberA1"), facts: { via: "portal" } });
    // The event row is its own fan-out queue entry: due at once, never tried yet.
    const [queued] = (
      await getDb().execute<{ due: boolean; attempts: number }>(sql`
        SELECT next_fan_out_at <= now() AS due, fan_out_attempts AS attempts
        FROM notification_events WHERE id = ${event!.id}`)
    ).rows;
    expect(queued).toEqual({ due: true, attempts: 0 });
    const contacts = await getDb()
      .select({
        email: bookingContacts.email,
        name: bookingContacts.name,
        addedById: bookingContacts.addedById,
      })
      .from(bookingContacts)
      .where(eq(bookingContacts.bookingId, bookingId));
    expect(contacts).toEqual([{ email: CLAIMS, name: "Claims desk", addedById: world.id("ownerA") }]);

    expect(await settle()).toBeGreaterThan(0); // Acuity's "scheduled" notice for the portal's appointment
    expect(await eventKindsOf(bookingId)).toEqual(["booking.booked"]);

    await fanOutBooking(bookingId);
    const ids = [event!.id];
    expect(await inAppOf(ids)).toEqual(
      [`booking.booked → ${memberA1Mail()}`, `booking.booked → ${okafor.email}`].sort(),
    );
    expect(await outboxOf(ids)).toEqual(
      [
        `booking_booked → ${memberA1Mail()}`,
        `booking_booked → ${CLAIMS}`,
        `examination_booked → ${okafor.email}`,
      ].sort(),
    );
  });

  it("records nothing when the booking's transaction fails — the event and its job roll back with it", async () => {
    const [slot] = await nextSlots(1);
    const examineeName = `Rolled Back ${randomInt(1e9)}`;
    const seen: string[] = [];
    const outcome = await createBooking(
      {
        db: getDb(),
        acuity: getAcuityClient(),
        beforeCommit: async (tx) => {
          const rows = await tx.execute<{ id: string }>(sql`
            SELECT e.id FROM notification_events e JOIN bookings b ON b.id = e.booking_id
            WHERE b.examinee_name = ${examineeName}`);
          seen.push(...rows.rows.map((r) => r.id));
          throw new Error("the database went away (test)");
        },
      },
      {
        actor: people.memberA1,
        auditContext: auditContextFor(people.memberA1, { ipAddress: "203.0.113.7", userAgent: "vitest" }),
      },
      createBookingSchema.parse({ ...form(slot!.datetime), examineeName }),
    ).catch((error: unknown) => error);
    expect(outcome).toMatchObject({ code: "internal" });
    // Inside the transaction the event (its own fan-out queue entry) was there; after the rollback it is not.
    expect(seen).toHaveLength(1);
    const [left] = (
      await getDb().execute<{ events: number }>(sql`
        SELECT count(*)::int AS events FROM notification_events WHERE id = ${seen[0]!}`)
    ).rows;
    expect(left).toEqual({ events: 0 });
  });
});

describe("a reschedule and a cancellation in the portal", () => {
  it("records one rescheduled event (from → to) and one cancelled event; Acuity's webhooks for them record none", async () => {
    const { bookingId, slot } = await bookInPortal();
    const [later] = await nextSlots(1);
    const moved = await defineAction(
      rescheduleBookingDefinition,
      as(people.memberA1),
    )({
      bookingId,
      expectedProgress: "scheduled",
      expectedAppointmentDate: slot.startsAt,
      datetime: later!.datetime,
    });
    expect(moved.ok).toBe(true);
    expect(await eventKindsOf(bookingId)).toEqual(["booking.booked", "booking.rescheduled"]);
    const rescheduled = (await eventsOf(bookingId))[1]!;
    expect(rescheduled.facts).toEqual({ via: "portal", from: slot.startsAt, to: later!.startsAt });

    expect(await settle()).toBeGreaterThan(0); // Acuity's "rescheduled" notice: the portal holds the new time
    expect(await eventKindsOf(bookingId)).toEqual(["booking.booked", "booking.rescheduled"]);

    const cancelled = await defineAction(
      cancelBookingDefinition,
      as(people.memberA1),
    )({
      bookingId,
      expectedProgress: "rescheduled",
      reason: "Claim settled",
    });
    expect(cancelled.ok).toBe(true);
    expect(await settle()).toBeGreaterThan(0);
    expect(await eventKindsOf(bookingId)).toEqual([
      "booking.booked",
      "booking.rescheduled",
      "booking.cancelled",
    ]);

    await fanOutBooking(bookingId);
    const [, movedEvent, cancelEvent] = await eventsOf(bookingId);
    expect(await outboxOf([movedEvent!.id])).toEqual(
      [
        `booking_rescheduled → ${memberA1Mail()}`,
        `booking_rescheduled → ${CLAIMS}`,
        `examination_rescheduled → ${okafor.email}`,
      ].sort(),
    );
    expect(await outboxOf([cancelEvent!.id])).toEqual(
      [
        `booking_cancelled → ${memberA1Mail()}`,
        `booking_cancelled → ${CLAIMS}`,
        `examination_cancelled → ${okafor.email}`,
      ].sort(),
    );
    expect(await inAppOf([cancelEvent!.id])).toEqual(
      [`booking.cancelled → ${memberA1Mail()}`, `booking.cancelled → ${okafor.email}`].sort(),
    );
  });

  it("records no rescheduled event when the reschedule's transaction fails", async () => {
    const { bookingId, slot } = await bookInPortal();
    const [later] = await nextSlots(1);
    const failed = await rescheduleBooking(
      {
        db: getDb(),
        acuity: getAcuityClient(),
        beforeCommit: () => Promise.reject(new Error("commit failed (test)")),
      },
      {
        actor: people.memberA1,
        auditContext: auditContextFor(people.memberA1, { ipAddress: "203.0.113.7", userAgent: "vitest" }),
      },
      {
        bookingId,
        expectedProgress: "scheduled",
        expectedAppointmentDate: slot.startsAt,
        datetime: later!.datetime,
        note: null,
      },
    ).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(Error);
    await settle(); // Acuity moved and was moved back: the booking holds its time, no news
    expect(await eventKindsOf(bookingId)).toEqual(["booking.booked"]);
    expect((await bookingRow(bookingId)).appointmentDate.toISOString()).toBe(slot.startsAt);
  });
});

describe("changes made in Acuity", () => {
  it("records one rescheduled event for a move delivered twice and out of order, then one cancelled event", async () => {
    const { bookingId, slot } = await bookInPortal();
    await settle();
    const appointmentId = Number((await bookingRow(bookingId)).acuityAppointmentId);
    const [later] = await nextSlots(1);

    harness.emulator.holdWebhooks();
    harness.emulator.duplicateNextWebhook(2);
    harness.emulator.changeAppointmentDirectly(appointmentId, { datetime: later!.datetime });
    harness.emulator.changeAppointmentDirectly(appointmentId, { notes: "Interpreter needed" });
    harness.emulator.releaseWebhooks("reversed");
    // Two notices, the first sent three times, newest first: four deliveries, one change.
    expect(await settle()).toBe(4);
    expect(await eventKindsOf(bookingId)).toEqual(["booking.booked", "booking.rescheduled"]);
    expect((await eventsOf(bookingId))[1]).toMatchObject({
      actorUserId: null,
      facts: { via: "acuity", from: slot.startsAt, to: later!.startsAt },
    });

    harness.emulator.duplicateNextWebhook(1);
    harness.emulator.cancelAppointmentDirectly(appointmentId, { cancelNote: "Called to cancel" });
    await settle();
    expect(await eventKindsOf(bookingId)).toEqual([
      "booking.booked",
      "booking.rescheduled",
      "booking.cancelled",
    ]);

    await fanOutBooking(bookingId);
    const cancelEvent = (await eventsOf(bookingId))[2]!;
    // Acuity made the change: the specialist hears of it too.
    expect(await outboxOf([cancelEvent.id])).toEqual(
      [
        `booking_cancelled → ${memberA1Mail()}`,
        `booking_cancelled → ${CLAIMS}`,
        `examination_cancelled → ${okafor.email}`,
      ].sort(),
    );
  });

  it("records a no-show Acuity marks once, to the referrer side only", async () => {
    const { bookingId } = await bookInPortal();
    const appointmentId = Number((await bookingRow(bookingId)).acuityAppointmentId);
    harness.emulator.duplicateNextWebhook(1);
    harness.emulator.cancelAppointmentDirectly(appointmentId, { noShow: true });
    await settle();
    expect(await eventKindsOf(bookingId)).toEqual(["booking.booked", "booking.no_show"]);
    await fanOutBooking(bookingId);
    const noShow = (await eventsOf(bookingId))[1]!;
    expect(await outboxOf([noShow.id])).toEqual(
      [`booking_no_show → ${memberA1Mail()}`, `booking_no_show → ${CLAIMS}`].sort(),
    );
    expect(await inAppOf([noShow.id])).toEqual([`booking.no_show → ${memberA1Mail()}`]);
  });

  it("records one booked event for an appointment made directly in Acuity, delivered twice; the system account hears nothing", async () => {
    const [slot] = await nextSlots(1);
    harness.emulator.duplicateNextWebhook(1);
    const made = harness.emulator.createAppointmentDirectly({
      calendarID: OKAFOR,
      appointmentTypeID: DEMO_APPOINTMENT_TYPES.telehealth.id,
      datetime: slot!.datetime,
      firstName: "Riley",
      lastName: "Walker",
      // The client e-mail of a portal user in exactly one organization: the booking is A's.
      email: people.memberA1.email,
      phone: "312-555-0123",
    });
    harness.mine.add(String(made.id));
    await settle();
    const bookingId = (
      await getDb()
        .select({ id: bookings.id })
        .from(bookings)
        .where(eq(bookings.acuityAppointmentId, String(made.id)))
    )[0]!.id;
    expect(await eventKindsOf(bookingId)).toEqual(["booking.booked"]);
    expect((await eventsOf(bookingId))[0]).toMatchObject({ actorUserId: null, facts: { via: "acuity" } });

    await fanOutBooking(bookingId);
    const [event] = await eventsOf(bookingId);
    // Booked by the system account (not a person): the default recipient and the specialist.
    expect(await outboxOf([event!.id])).toEqual(
      [`booking_booked → ${CLAIMS}`, `examination_booked → ${okafor.email}`].sort(),
    );
    expect(await inAppOf([event!.id])).toEqual([`booking.booked → ${okafor.email}`]);
  });

  it("records nothing while the sync's transaction fails, and one event once it succeeds", async () => {
    const { bookingId } = await bookInPortal();
    await settle();
    const appointmentId = Number((await bookingRow(bookingId)).acuityAppointmentId);
    const [later] = await nextSlots(1);
    const restore = await failAuditRowsWhere(
      `NEW.action = 'booking.synced_from_acuity' AND NEW.resource_id = '${bookingId}'`,
    );
    try {
      harness.emulator.changeAppointmentDirectly(appointmentId, { datetime: later!.datetime });
      await settle();
      expect(await eventKindsOf(bookingId)).toEqual(["booking.booked"]);
    } finally {
      await restore();
    }
    // The failed event is retried later; make it due now.
    await getDb()
      .update(webhookEvents)
      .set({ nextAttemptAt: new Date() })
      .where(
        and(eq(webhookEvents.resourceId, String(appointmentId)), sql`${webhookEvents.processedAt} IS NULL`),
      );
    await settle();
    expect(await eventKindsOf(bookingId)).toEqual(["booking.booked", "booking.rescheduled"]);
  });
});

describe("stage moves in the portal", () => {
  const HOUR = 3_600_000;
  /** A fixture booking (team A2, specialist S1, booked by ownerA) whose examination was yesterday. */
  async function pastBooking(stage: "scheduled" | "generating_report", appointmentId?: number) {
    const bookingId = world.bookingIds.aTeam2;
    await getDb()
      .update(bookings)
      .set({
        currentProgress: stage,
        status: "active",
        appointmentDate: new Date(Date.now() - 24 * HOUR),
        createdAt: new Date(Date.now() - 30 * 24 * HOUR),
        ...(appointmentId ? { acuityAppointmentId: String(appointmentId) } : {}),
      })
      .where(eq(bookings.id, bookingId));
    return bookingId;
  }

  it("report ready: the specialist's move and an admin's correction to it notify; a correction away does not", async () => {
    const bookingId = await pastBooking("generating_report");
    await getDb()
      .insert(documents)
      .values({
        bookingId,
        uploadedById: world.id("specialistS1"),
        s3Key: `test/${bookingId}/${randomInt(1e9)}.pdf`,
        fileName: "report.pdf",
        fileSize: 1234,
        mimeType: "application/pdf",
        category: "report",
      });
    const before = (await eventsOf(bookingId)).length;
    const noAcuity = () => () => Promise.reject(new Error("no Acuity call expected"));
    const ready = await defineAction(
      changeProgressDefinition(noAcuity),
      as(people.specialistS1),
    )({
      bookingId,
      expectedFrom: "generating_report",
      to: "report_generated",
    });
    expect(ready.ok).toBe(true);
    const away = await defineAction(
      correctProgressDefinition(),
      as(people.platformAdmin),
    )({
      bookingId,
      expectedFrom: "report_generated",
      to: "generating_report",
      note: "Wrong file uploaded",
    });
    expect(away.ok).toBe(true);
    const back = await defineAction(
      correctProgressDefinition(),
      as(people.platformAdmin),
    )({
      bookingId,
      expectedFrom: "generating_report",
      to: "report_generated",
      note: "Corrected report uploaded",
    });
    expect(back.ok).toBe(true);
    const events = (await eventsOf(bookingId)).slice(before);
    expect(events.map((e) => [e.kind, e.actorUserId])).toEqual([
      ["booking.report_ready", world.id("specialistS1")],
      ["booking.report_ready", world.id("platformAdmin")],
    ]);

    await fanOutBooking(bookingId);
    const ids = events.map((e) => e.id);
    const ownerA = people.ownerA.email;
    // The booker of aTeam2 is ownerA; the specialist is not told of reports.
    expect(await outboxOf(ids)).toEqual([`report_ready → ${ownerA}`, `report_ready → ${ownerA}`]);
    expect(await inAppOf(ids)).toEqual([
      `booking.report_ready → ${ownerA}`,
      `booking.report_ready → ${ownerA}`,
    ]);
  });

  it("no-show: the specialist's move records one event and tells Acuity", async () => {
    const made = harness.emulator.createAppointmentDirectly({
      calendarID: 7103,
      appointmentTypeID: DEMO_APPOINTMENT_TYPES.inPerson.id,
      datetime: "2026-11-24T10:00:00",
      firstName: "Jordan",
      lastName: "Claimant",
      email: "jordan@example.test",
      phone: "+12125550100",
    });
    const bookingId = await pastBooking("scheduled", made.id);
    const before = (await eventsOf(bookingId)).length;
    const result = await defineAction(
      changeProgressDefinition(() => acuityProgressSideEffect(getAcuityClient())),
      as(people.specialistS1),
    )({ bookingId, expectedFrom: "scheduled", to: "no_show" });
    expect(result.ok).toBe(true);
    expect((await eventsOf(bookingId)).slice(before).map((e) => e.kind)).toEqual(["booking.no_show"]);
    expect(harness.emulator.listAllAppointments().find((a) => a.id === made.id)).toMatchObject({
      canceled: true,
      noShow: true,
    });
  });
});

describe("what arrives over SMTP", () => {
  /** Sends the event's queued e-mails as the email.send job would, and waits for `address`'s. */
  async function deliver(eventId: string, address: string, kind: string): Promise<ReceivedMail> {
    for (const row of await outboxRowsOf(eventId))
      await deliverOutboxEmail(row.id, { jobId: `test-${row.id}`, lastAttempt: false });
    const wanted = address.toLowerCase();
    const [message] = await waitForMail(
      (m) => m.kind === kind && m.to.includes(wanted) && (m.subject ?? "").includes(eventRef.get(eventId)!),
    );
    return message!;
  }
  const eventRef = new Map<string, string>();

  it("booked, rescheduled, cancelled: one calendar entry (same UID) at rising SEQUENCE, then METHOD:CANCEL", async () => {
    const { bookingId, slot } = await bookInPortal();
    const [later] = await nextSlots(1);
    const moved = await defineAction(
      rescheduleBookingDefinition,
      as(people.memberA1),
    )({
      bookingId,
      expectedProgress: "scheduled",
      expectedAppointmentDate: slot.startsAt,
      datetime: later!.datetime,
    });
    expect(moved.ok).toBe(true);
    const cancelled = await defineAction(
      cancelBookingDefinition,
      as(people.memberA1),
    )({
      bookingId,
      expectedProgress: "rescheduled",
      reason: "Claim settled",
    });
    expect(cancelled.ok).toBe(true);
    await settle();
    await fanOutBooking(bookingId);
    const [booked, rescheduled, cancel] = await eventsOf(bookingId);
    for (const event of [booked!, rescheduled!, cancel!]) eventRef.set(event.id, `(ref ${bookingId})`);

    const first = await deliver(booked!.id, memberA1Mail(), "booking_booked");
    const second = await deliver(rescheduled!.id, memberA1Mail(), "booking_rescheduled");
    const third = await deliver(cancel!.id, memberA1Mail(), "booking_cancelled");
    const [one, two, three] = [first, second, third].map((m) => calendarOf(m));
    expect(one?.method).toBe("REQUEST");
    expect(two?.method).toBe("REQUEST");
    expect(three?.method).toBe("CANCEL");
    const uid = one!.events[0]!.uid;
    expect(uid).toBeTruthy();
    expect([one, two, three].map((c) => c!.events[0]!.uid)).toEqual([uid, uid, uid]);
    expect([one, two, three].map((c) => c!.events[0]!.sequence)).toEqual([0, 1, 2]);

    // The default recipient got the same three, once each; the specialist's carry no invitation.
    const claims = (
      await waitForMail((m) => m.to.includes(CLAIMS) && (m.subject ?? "").includes(`(ref ${bookingId})`), {
        count: 3,
      })
    ).map((m) => m.kind);
    expect(claims.sort()).toEqual(["booking_booked", "booking_cancelled", "booking_rescheduled"]);
    const specialistMail = await deliver(booked!.id, okafor.email, "examination_booked");
    expect(calendarOf(specialistMail)).toBeNull();
    // No examinee data in any of them.
    for (const message of [first, second, third, specialistMail])
      expect(`${message.subject} ${message.text} ${message.html}`).not.toMatch(/Jordan|Claimant|555-0142/);
  });

  it("report ready: a link to the booking, no file, and 'ask the booker' for a recipient without an account", async () => {
    const bookingId = world.bookingIds.aTeam1; // team A1, booked by adminA
    await getDb()
      .update(bookings)
      .set({ currentProgress: "report_generated", status: "active" })
      .where(eq(bookings.id, bookingId));
    const outsider = `outside-${randomInt(1e9)}@law.test`;
    await getDb()
      .insert(bookingContacts)
      .values({ bookingId, email: outsider, addedById: world.id("adminA") });
    const eventId = await recordNotificationEvent(getDb(), {
      kind: "booking.report_ready",
      bookingId,
      actorUserId: world.id("specialistS1"),
      facts: { via: "portal" },
    });
    await fanOutNotificationEvent(eventId);
    eventRef.set(eventId, bookingId);

    const adminA = (await loadActor(getDb(), world.id("adminA"), null))!.email;
    const toBooker = await deliver(eventId, adminA, "report_ready");
    expect(toBooker.attachments).toEqual([]);
    expect(toBooker.text).toContain(`/bookings/${bookingId}`);
    const toOutsider = await deliver(eventId, outsider, "report_ready");
    expect(toOutsider.text).toMatch(/who booked the examination/);
    expect(toOutsider.attachments).toEqual([]);
  });
});
