import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookingProgress, bookingRequests, bookings } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { UserFacingError } from "@/lib/actions/errors";
import { auditContextFor } from "@/lib/actions/request-actor";
import { createBookingDefinition } from "@/lib/bookings/booking-actions";
import { createBooking } from "@/lib/bookings/create-booking";
import { createBookingSchema } from "@/lib/bookings/schemas";
import { auditRowsFor } from "../support/audit-rows";
import {
  as,
  freeSlots,
  startBookingWorld,
  type BookingWorld,
  telehealthBookingForm,
  type BookingForm,
} from "./booking-test-world";

let world: BookingWorld;
beforeAll(async () => {
  world = await startBookingWorld();
});
afterAll(() => world.stop());

const formFor = (datetime: string, overrides: Partial<BookingForm> = {}) =>
  telehealthBookingForm(world, datetime, {
    examineeEmail: "",
    notes: "Claim 4471, interpreter needed",
    ...overrides,
  });

const appointmentsInEmulator = () =>
  world.emulator.listAllAppointments().filter((a) => a.firstName !== "Seed");
const bookingById = async (id: string) =>
  (await getDb().select().from(bookings).where(eq(bookings.id, id)))[0];

describe("booking an IME", () => {
  it("creates the Acuity appointment, then the booking, its scheduled row and the audit row", async () => {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    const book = defineAction(createBookingDefinition, as(world.actors.memberA1));
    const result = await book(formFor(slot!.datetime));
    expect(result.ok).toBe(true);
    const bookingId = result.ok ? result.data.bookingId : "";

    const booking = await bookingById(bookingId);
    const appointment = world.emulator
      .listAllAppointments()
      .find((a) => String(a.id) === booking!.acuityAppointmentId)!;
    expect(booking).toMatchObject({
      source: "portal",
      examineePhone: "+12125550142",
      examineeEmail: null,
      teamId: world.id("A1"),
      createdById: world.id("memberA1"),
      createdForId: null,
      currentProgress: "scheduled",
      meetingLink: appointment.location,
      appointmentDate: new Date(slot!.startsAt),
    });
    expect(appointment.location).toMatch(/^https:\/\//);
    // An Acuity admin can trace the appointment back to the portal booking.
    expect(appointment.notes).toContain(`IME Portal booking ${bookingId}`);
    // Without the examinee's e-mail, Acuity's confirmation goes to the person who booked.
    expect(appointment.email).toBe(world.actors.memberA1.email);

    const progress = await getDb()
      .select()
      .from(bookingProgress)
      .where(eq(bookingProgress.bookingId, bookingId));
    expect(progress.map((p) => p.progress)).toEqual(["scheduled"]);
    const [audit] = await auditRowsFor("booking", bookingId);
    expect(audit).toMatchObject({ action: "booking.created", userId: world.id("memberA1") });
  });

  it("records the admin and the impersonated member when an admin books on someone's behalf", async () => {
    const [, slot] = await freeSlots(world, world.telehealthSpecialist, 2);
    const impersonated = { ...world.actors.memberNoTeamA, impersonatorId: world.id("platformAdmin") };
    const result = await defineAction(
      createBookingDefinition,
      as(impersonated),
    )(formFor(slot!.datetime, { teamId: "" }));
    expect(result.ok).toBe(true);
    const booking = await bookingById(result.ok ? result.data.bookingId : "");
    expect(booking).toMatchObject({
      createdById: world.id("platformAdmin"),
      createdForId: world.id("memberNoTeamA"),
      teamId: null,
    });
  });

  it.each([
    ["a team the member does not belong to", "A2"],
    // A team-less booking is seen by the whole organization; a member of a team must pick theirs.
    ["no team, from a member of a team", ""],
  ])("refuses %s, before anything reaches Acuity", async (_, team) => {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    const before = appointmentsInEmulator().length;
    const result = await defineAction(
      createBookingDefinition,
      as(world.actors.memberA1),
    )(formFor(slot!.datetime, { teamId: team && world.id(team) }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { teamId: ["Choose one of your teams"] } });
    expect(appointmentsInEmulator()).toHaveLength(before);
  });

  it("says which fields to fix: an invalid phone number and e-mail", async () => {
    const result = await defineAction(
      createBookingDefinition,
      as(world.actors.memberA1),
    )(formFor("2030-01-07T10:00:00-0500", { examineePhone: "555-12", examineeEmail: "not-an-email" }));
    expect(result.ok).toBe(false);
    expect(result.ok ? {} : result.fieldErrors).toMatchObject({
      examineePhone: [expect.stringMatching(/valid phone/)],
      examineeEmail: [expect.stringMatching(/valid e-mail/)],
    });
  });

  it("answers a slot someone else just took with 'pick another', books nothing and frees the form", async () => {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    world.emulator.createAppointmentDirectly({
      datetime: slot!.datetime,
      calendarID: 7106,
      appointmentTypeID: 502,
      firstName: "Other",
      lastName: "Person",
      email: "o@example.test",
    });
    const before = appointmentsInEmulator().length;
    const form = formFor(slot!.datetime);
    const result = await defineAction(createBookingDefinition, as(world.actors.ownerA))(form);
    expect(result).toEqual({
      ok: false,
      code: "slot_taken",
      error: "That time was just taken — pick another.",
      fieldErrors: { datetime: ["That time was just taken — pick another."] },
    });
    expect(appointmentsInEmulator()).toHaveLength(before);
    expect(
      await getDb()
        .select()
        .from(bookingRequests)
        .where(eq(bookingRequests.idempotencyKey, form.idempotencyKey)),
    ).toHaveLength(0);
  });
});

describe("a resubmitted form", () => {
  it("makes one booking and one Acuity appointment, sent twice in a row or twice at once", async () => {
    const [first, second] = await freeSlots(world, world.telehealthSpecialist, 2);
    const book = defineAction(createBookingDefinition, as(world.actors.adminA));
    const before = appointmentsInEmulator().length;

    const form = formFor(first!.datetime, { teamId: world.id("A2") });
    const a = await book(form);
    const b = await book(form);
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && b.ok && a.data.bookingId === b.data.bookingId).toBe(true);
    expect(b.ok && b.data.alreadyBooked).toBe(true);

    const doubleClick = formFor(second!.datetime, { teamId: world.id("A2") });
    const [c, d] = await Promise.all([book(doubleClick), book(doubleClick)]);
    expect(c.ok && d.ok && c.data.bookingId === d.data.bookingId).toBe(true);

    expect(appointmentsInEmulator()).toHaveLength(before + 2);
    const made = await getDb()
      .select()
      .from(bookings)
      .where(eq(bookings.createdById, world.id("adminA")));
    expect(made.filter((r) => r.source === "portal" && r.examineeName === "Jordan Claimant")).toHaveLength(2);
  });
});

describe("when saving fails after Acuity booked", () => {
  it("cancels the Acuity appointment it just made, says so, and leaves no booking", async () => {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    // A real constraint violation: another booking already holds the id Acuity will hand out next.
    const nextId = Math.max(...world.emulator.listAllAppointments().map((a) => a.id)) + 1;
    await getDb()
      .insert(bookings)
      .values({
        acuityAppointmentId: String(nextId),
        specialistId: world.telehealthSpecialist.id,
        organizationId: world.id("B"),
        createdById: world.id("memberB1"),
        examineeName: "Blocking Row",
        examineePhone: "+12125550199",
        appointmentDate: new Date(Date.now() + 86_400_000),
        appointmentType: "telehealth",
      });
    const input = createBookingSchema.parse(formFor(slot!.datetime));
    const who = {
      actor: world.actors.ownerA,
      auditContext: auditContextFor(world.actors.ownerA, { ipAddress: "198.51.100.4", userAgent: "vitest" }),
    };

    const attempt = createBooking({ db: getDb(), acuity: world.acuity }, who, input);
    await expect(attempt).rejects.toThrow(UserFacingError);
    await expect(attempt).rejects.toThrow(/cancelled the appointment we had just made/);

    const appointment = world.emulator.listAllAppointments().find((a) => a.id === nextId)!;
    expect(appointment.canceled).toBe(true);
    const holders = await getDb()
      .select()
      .from(bookings)
      .where(eq(bookings.acuityAppointmentId, String(nextId)));
    expect(holders.map((r) => r.examineeName)).toEqual(["Blocking Row"]);
    expect(
      await getDb()
        .select()
        .from(bookingRequests)
        .where(eq(bookingRequests.idempotencyKey, input.idempotencyKey)),
    ).toHaveLength(0);
  });

  it("also compensates when the transaction fails late, just before commit", async () => {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    const input = createBookingSchema.parse(formFor(slot!.datetime));
    const who = {
      actor: world.actors.ownerA,
      auditContext: auditContextFor(world.actors.ownerA, { ipAddress: "198.51.100.4", userAgent: "vitest" }),
    };
    const failing = createBooking(
      {
        db: getDb(),
        acuity: world.acuity,
        beforeCommit: async () => {
          throw new Error("connection reset");
        },
      },
      who,
      input,
    );
    await expect(failing).rejects.toThrow(/Nothing was booked/);
    const made = world.emulator
      .listAllAppointments()
      .filter((a) => a.datetime && a.notes.includes("IME Portal booking"))
      .at(-1)!;
    expect(made.canceled).toBe(true);
    expect(
      await getDb()
        .select()
        .from(bookings)
        .where(eq(bookings.acuityAppointmentId, String(made.id))),
    ).toHaveLength(0);
  });
});
