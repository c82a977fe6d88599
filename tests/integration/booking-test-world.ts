/**
 * A booking world for integration tests: the authz fixture's organizations, teams and people
 * (with memberships), two specialists on the emulator's calendars, and the Acuity emulator
 * in-process with the app's client pointed at it through the environment.
 */
import { randomUUID } from "node:crypto";
import type { z } from "zod";
import { TransactionRollbackError } from "drizzle-orm";
import { getDb } from "@/db/client";
import { specialists } from "@/db/schema";
import { auditContextFor, type RequestActor } from "@/lib/actions/request-actor";
import { createAcuityClient, type AcuityClient } from "@/lib/acuity";
import type { Actor } from "@/lib/authz/actor";
import type { createBookingSchema } from "@/lib/bookings/schemas";
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

/**
 * The demo seed owns the calendar ids "7101".."7106"; leading zeros make distinct strings for the
 * same Acuity calendar number. Files sharing the run's database each claim the first free number
 * of zeros — the unique calendar id decides, so two files can never draw the same one.
 */
async function claimSpecialistSlot(id: (name: string) => string) {
  for (let slot = 1; ; slot++) {
    const padding = "0".repeat(slot);
    const telehealthSpecialist = {
      id: id("tele"),
      acuityCalendarId: `${padding}7106`,
      timezone: "America/New_York",
    };
    const inPersonSpecialist = {
      id: id("hart"),
      acuityCalendarId: `${padding}7101`,
      timezone: "America/New_York",
    };
    const claimed = await getDb()
      .transaction(async (tx) => {
        const inserted = await tx
          .insert(specialists)
          .values([
            {
              ...telehealthSpecialist,
              userId: id("specialistS2"),
              name: `Tele ${id("")}`,
              specialty: "Psychology",
              location: null,
            },
            {
              ...inPersonSpecialist,
              userId: id("specialistS1"),
              name: `Hart ${id("")}`,
              specialty: "Orthopaedic Surgery",
              location: "120 Park Ave, New York, NY",
            },
          ])
          .onConflictDoNothing({ target: specialists.acuityCalendarId })
          .returning({ id: specialists.id });
        // Half a pair taken (another file holds the other calendar at this slot): give both back.
        if (inserted.length === 2) return true;
        if (inserted.length === 1) tx.rollback();
        return false;
      })
      .catch((error: unknown) => {
        if (error instanceof TransactionRollbackError) return false;
        throw error;
      });
    if (claimed) return { slot, telehealthSpecialist, inPersonSpecialist };
  }
}

export async function startBookingWorld(): Promise<BookingWorld> {
  const { id, bookingIds } = await insertAuthzWorld({ withMemberships: true });
  const { slot, telehealthSpecialist, inPersonSpecialist } = await claimSpecialistSlot(id);

  // Each file's emulator numbers its appointments from its own block of 100,000 ids (after a
  // cancelled seed), so bookings made by different files never share an acuity_appointment_id.
  const base = 20_000_000 + slot * 100_000;
  const emulator = await startAcuityEmulator({
    port: 0,
    userId: USER_ID,
    apiKey: API_KEY,
    limits: { maxPerSecond: 30 },
    initialAppointments: [
      {
        id: base,
        calendarID: 7106,
        appointmentTypeID: 502,
        datetime: "2020-01-06T10:00:00",
        firstName: "Seed",
        lastName: "Only",
        email: "",
        phone: "",
        canceled: true,
      },
    ],
  });
  process.env.ACUITY_USER_ID = USER_ID;
  process.env.ACUITY_API_KEY = API_KEY;
  process.env.ACUITY_BASE_URL = emulator.url;
  const acuity = createAcuityClient({
    userId: USER_ID,
    apiKey: API_KEY,
    baseUrl: emulator.url,
    timeoutMs: 5_000,
  });
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
    const m = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + i, 1))
      .toISOString()
      .slice(0, 7);
    for (const date of await getAvailableDates({ ...query, month: m }, world.acuity)) {
      slots.push(...(await getAvailableTimes({ ...query, date }, world.acuity)));
      if (slots.length >= count) break;
    }
  }
  return slots.slice(0, count);
}

/**
 * A member of team A1 booking a telehealth examination with the world's telehealth specialist:
 * the form every booking test starts from, changed field by field with `overrides`.
 */
export type BookingForm = z.input<typeof createBookingSchema>;

export function telehealthBookingForm(
  world: BookingWorld,
  datetime: string,
  overrides: Partial<BookingForm> = {},
): BookingForm {
  return {
    idempotencyKey: randomUUID(),
    specialistId: world.telehealthSpecialist.id,
    appointmentType: "telehealth",
    datetime,
    organizationId: world.id("A"),
    teamId: world.id("A1"),
    examineeName: "Jordan Claimant",
    examineePhone: "(212) 555-0142",
    ...overrides,
  };
}
