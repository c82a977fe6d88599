/**
 * What a person typing too much, or picking a time that has passed, is told — through the real
 * actions, the database and the Acuity emulator over HTTP.
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { createBookingDefinition, rescheduleBookingDefinition } from "@/lib/bookings/booking-actions";
import { PAST_TIME_MESSAGE } from "@/lib/bookings/schemas";
import { createUserDefinition } from "@/lib/users/create-user";
import { as, freeSlots, startBookingWorld, type BookingWorld } from "./booking-test-world";

let world: BookingWorld;
beforeAll(async () => {
  world = await startBookingWorld();
});
afterAll(() => world.stop());

/** The same wall-clock time four weeks earlier: a slot that would have been free, now past. */
const fourWeeksEarlier = (datetime: string) =>
  new Date(Date.parse(datetime.slice(0, 10)) - 28 * 86_400_000).toISOString().slice(0, 10) +
  datetime.slice(10);

const appointmentsInEmulator = () =>
  world.emulator.listAllAppointments().filter((a) => a.firstName !== "Seed").length;

describe("Admin → Create a user", () => {
  it("refuses a 10,251-character e-mail, saying how long one may be, and creates no one", async () => {
    const email = `${"a".repeat(10_239)}@example.com`;
    expect(email).toHaveLength(10_251);
    const create = defineAction(createUserDefinition, as(world.actors.platformAdmin));
    const result = await create({
      name: "Long Mail",
      email,
      role: "user",
      password: "long-enough-password",
      memberships: "[]",
    });
    expect(result).toEqual({
      ok: false,
      code: "invalid_input",
      error: "Please correct the highlighted fields.",
      fieldErrors: { email: ["An e-mail address has at most 254 characters"] },
    });
    expect(await getDb().select().from(users).where(eq(users.email, email))).toEqual([]);
  });
});

describe("a time in the past", () => {
  it("is called past when booking, not 'just taken', and Acuity is not asked", async () => {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    const before = appointmentsInEmulator();
    const book = defineAction(createBookingDefinition, as(world.actors.memberA1));
    const result = await book({
      idempotencyKey: randomUUID(),
      specialistId: world.telehealthSpecialist.id,
      appointmentType: "telehealth",
      datetime: fourWeeksEarlier(slot!.datetime),
      organizationId: world.id("A"),
      teamId: world.id("A1"),
      examineeName: "Jordan Claimant",
      examineePhone: "(212) 555-0142",
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { datetime: [PAST_TIME_MESSAGE] } });
    expect(appointmentsInEmulator()).toBe(before);
  });

  it("is called past when rescheduling", async () => {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    const reschedule = defineAction(rescheduleBookingDefinition, as(world.actors.ownerA));
    const result = await reschedule({
      bookingId: world.bookingIds.aNoTeam,
      expectedProgress: "scheduled",
      expectedAppointmentDate: new Date().toISOString(),
      datetime: fourWeeksEarlier(slot!.datetime),
    });
    expect(result).toMatchObject({ ok: false, fieldErrors: { datetime: [PAST_TIME_MESSAGE] } });
  });
});
