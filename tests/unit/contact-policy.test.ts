import { describe, expect, it } from "vitest";
import {
  canManageBookingContacts,
  canManageOrganizationContacts,
  canManageSomeBookingContacts,
  canManageSomeOrganizationContacts,
} from "@/lib/authz/policy";
import {
  ACTOR_KEYS,
  BOOKING_KEYS,
  RESCHEDULE_OR_CANCEL,
  buildActors,
  buildBookings,
} from "../support/authz-fixture";

const id = (key: string) => `t-${key}`;
const actors = buildActors(id);
const bookings = buildBookings(id);

describe("who may change a booking's report recipients", () => {
  it("is whoever may reschedule or cancel it (the matrix's RESCHEDULE_OR_CANCEL)", () => {
    for (const actorKey of ACTOR_KEYS)
      for (const bookingKey of BOOKING_KEYS)
        expect(
          canManageBookingContacts(actors[actorKey], bookings[bookingKey]),
          `${actorKey} on ${bookingKey}`,
        ).toBe(RESCHEDULE_OR_CANCEL[actorKey][bookingKey]);
  });

  it("is nobody once the booking is archived", () => {
    const archived = { ...bookings.aNoTeam, status: "archived" as const };
    expect(canManageBookingContacts(actors.platformAdmin, archived)).toBe(false);
    expect(canManageBookingContacts(actors.ownerA, archived)).toBe(false);
  });

  it("lets only admins and organization members past the coarse gate", () => {
    expect(ACTOR_KEYS.filter((key) => canManageSomeBookingContacts(actors[key]))).toEqual([
      "platformAdmin",
      "ownerA",
      "adminA",
      "memberA1",
      "memberNoTeamA",
      "memberB1",
    ]);
  });
});

describe("who may change an organization's default recipients", () => {
  it("is its owners and admins, and platform admins", () => {
    expect(ACTOR_KEYS.filter((key) => canManageOrganizationContacts(actors[key], id("A")))).toEqual([
      "platformAdmin",
      "ownerA",
      "adminA",
    ]);
    expect(ACTOR_KEYS.filter((key) => canManageOrganizationContacts(actors[key], id("B")))).toEqual([
      "platformAdmin",
    ]);
    expect(ACTOR_KEYS.filter((key) => canManageSomeOrganizationContacts(actors[key]))).toEqual([
      "platformAdmin",
      "ownerA",
      "adminA",
    ]);
  });
});
