/**
 * A booking world for integration tests: the authz fixture's organizations, teams and people
 * (with memberships), two specialists on the emulator's calendars, and the Acuity emulator
 * in-process with the app's client pointed at it through the environment.
 */
import { randomInt } from "node:crypto";
import { getDb } from "@/db/client";
import { specialists } from "@/db/schema";
import { auditContextFor, type RequestActor } from "@/lib/actions/request-actor";
import { createAcuityClient, type AcuityClient } from "@/lib/acuity";
import type { Actor } from "@/lib/authz/actor";
import { availabilityCache } from "@/lib/availability/cache";
import { getAvailableDates } from "@/lib/availability/available-dates";
import { getAvailableTimes, type AvailableSlot } from "@/lib/availability/available-times";
import { startAcuityEmulator, type AcuityEmulator } from "@/services/acuity-emulator/server";
import { buildActors, type ActorKey, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";

const USER_ID = "5151";
const API_KEY = "booking-test-api-key";

export interface BookingWorld {
  id: IdOf;
  bookingIds: Record<BookingKey, string>;
  actors: Record<ActorKey, Actor>;
  emulator: AcuityEmulator;
  acuity: AcuityClient;
  /** Dr. Brennan's calendar (telehealth only) and Dr. Hart's (New York, in person too). */
  telehealthSpecialist: { id: string; acuityCalendarId: string; timezone: string };
  inPersonSpecialist: { id: string; acuityCalendarId: string; timezone: string };
  stop(): Promise<void>;
}

export const as = (actor: Actor) => async (): Promise<RequestActor> => ({
  actor,
  auditContext: auditContextFor(actor, { ipAddress: "198.51.100.4", userAgent: "vitest" }),
});

export async function startBookingWorld(): Promise<BookingWorld> {
  const { id, bookingIds } = await insertAuthzWorld({ withMemberships: true });
  const db = getDb();
  // The demo seed owns the calendar ids "7101".."7106"; leading zeros make distinct strings
  // for the same Acuity calendar number, so this file's specialists never collide with it.
  const padding = "0".repeat(randomInt(1, 60));
  const telehealthSpecialist = { id: id("tele"), acuityCalendarId: `${padding}7106`, timezone: "America/New_York" };
  const inPersonSpecialist = { id: id("hart"), acuityCalendarId: `${padding}7101`, timezone: "America/New_York" };
  await db.insert(specialists).values([
    { ...telehealthSpecialist, userId: id("specialistS2"), name: `Tele ${id("")}`, specialty: "Psychology", location: null },
    { ...inPersonSpecialist, userId: id("specialistS1"), name: `Hart ${id("")}`, specialty: "Orthopaedic Surgery", location: "120 Park Ave, New York, NY" },
  ]);

  // Appointment ids start above a random cancelled seed, so bookings made by different test
  // files (each with its own emulator) never share an acuity_appointment_id.
  const base = 20_000_000 + randomInt(0, 1_000_000) * 10;
  const emulator = await startAcuityEmulator({
    port: 0,
    userId: USER_ID,
    apiKey: API_KEY,
    limits: { maxPerSecond: 30 },
    initialAppointments: [
      { id: base, calendarID: 7106, appointmentTypeID: 502, datetime: "2020-01-06T10:00:00", firstName: "Seed", lastName: "Only", email: "", phone: "", canceled: true },
    ],
  });
  process.env.ACUITY_USER_ID = USER_ID;
  process.env.ACUITY_API_KEY = API_KEY;
  process.env.ACUITY_BASE_URL = emulator.url;
  const acuity = createAcuityClient({ userId: USER_ID, apiKey: API_KEY, baseUrl: emulator.url, timeoutMs: 5_000 });
  return {
    id,
    bookingIds,
    actors: buildActors(id),
    emulator,
    acuity,
    telehealthSpecialist,
    inPersonSpecialist,
    stop: () => emulator.stop(),
  };
}

/** The first `count` free slots of a specialist, read fresh from the emulator. */
export async function freeSlots(
  world: BookingWorld,
  specialist: { acuityCalendarId: string; timezone: string },
  count: number,
  appointmentType: "telehealth" | "in_person" = "telehealth",
): Promise<AvailableSlot[]> {
  availabilityCache().clear();
  const query = { calendarId: specialist.acuityCalendarId, appointmentType, timezone: specialist.timezone };
  const slots: AvailableSlot[] = [];
  const month = new Date();
  for (let i = 0; i < 3 && slots.length < count; i++) {
    const m = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + i, 1)).toISOString().slice(0, 7);
    for (const date of await getAvailableDates({ ...query, month: m }, world.acuity)) {
      slots.push(...(await getAvailableTimes({ ...query, date }, world.acuity)));
      if (slots.length >= count) break;
    }
  }
  return slots.slice(0, count);
}
