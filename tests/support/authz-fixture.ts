/**
 * The access matrix of shared/PRODUCT.md as data: a small world of two organizations, their
 * teams, two specialists and six bookings, plus hand-written expectation tables. The unit
 * test holds the policy functions to these tables; the integration test holds the SQL scope
 * to the same VISIBLE table.
 */
import type { Actor } from "@/lib/authz/actor";
import type { BookingAccessFacts } from "@/lib/authz/policy";

export const ACTOR_KEYS = [
  "platformAdmin",
  "specialistS1",
  "ownerA",
  "adminA",
  "memberA1",
  "memberNoTeamA",
  "memberB1",
  "outsider",
] as const;
export type ActorKey = (typeof ACTOR_KEYS)[number];

export const BOOKING_KEYS = [
  "aNoTeam",
  "aTeam1",
  "aTeam2",
  "aTeam2ForMember",
  "aTeam2ByMember1",
  "bTeam1",
  "bNoTeam",
] as const;
export type BookingKey = (typeof BOOKING_KEYS)[number];

/** Maps a fixture name to a database id; tests prefix them so runs never collide. */
export type IdOf = (key: string) => string;

export function buildActors(id: IdOf): Record<ActorKey, Actor> {
  const base = (key: ActorKey, partial: Partial<Actor>): Actor => ({
    userId: id(key),
    name: key,
    email: `${key}@fixture.test`,
    platformRole: "user",
    specialistIds: [],
    memberships: [],
    teams: [],
    impersonatorId: null,
    ...partial,
  });
  return {
    platformAdmin: base("platformAdmin", { platformRole: "admin" }),
    specialistS1: base("specialistS1", { specialistIds: [id("S1")] }),
    ownerA: base("ownerA", { memberships: [{ organizationId: id("A"), role: "owner" }] }),
    adminA: base("adminA", {
      memberships: [{ organizationId: id("A"), role: "admin" }],
      teams: [{ teamId: id("A2"), organizationId: id("A") }],
    }),
    memberA1: base("memberA1", {
      memberships: [{ organizationId: id("A"), role: "member" }],
      teams: [{ teamId: id("A1"), organizationId: id("A") }],
    }),
    memberNoTeamA: base("memberNoTeamA", { memberships: [{ organizationId: id("A"), role: "member" }] }),
    memberB1: base("memberB1", {
      memberships: [{ organizationId: id("B"), role: "member" }],
      teams: [{ teamId: id("B1"), organizationId: id("B") }],
    }),
    outsider: base("outsider", {}),
  };
}

export function buildBookings(id: IdOf): Record<BookingKey, BookingAccessFacts> {
  return {
    aNoTeam: {
      organizationId: id("A"),
      teamId: null,
      specialistId: id("S2"),
      createdById: id("ownerA"),
      createdForId: null,
      status: "active",
    },
    aTeam1: {
      organizationId: id("A"),
      teamId: id("A1"),
      specialistId: id("S2"),
      createdById: id("adminA"),
      createdForId: null,
      status: "active",
    },
    aTeam2: {
      organizationId: id("A"),
      teamId: id("A2"),
      specialistId: id("S1"),
      createdById: id("ownerA"),
      createdForId: null,
      status: "active",
    },
    // Booked by an admin impersonating memberNoTeamA: it is "theirs" although not their team.
    aTeam2ForMember: {
      organizationId: id("A"),
      teamId: id("A2"),
      specialistId: id("S2"),
      createdById: id("platformAdmin"),
      createdForId: id("memberNoTeamA"),
      status: "active",
    },
    // Booked by memberA1 for team A2 (before they left it, or by an admin's choice): theirs all the same.
    aTeam2ByMember1: {
      organizationId: id("A"),
      teamId: id("A2"),
      specialistId: id("S2"),
      createdById: id("memberA1"),
      createdForId: null,
      status: "active",
    },
    bTeam1: {
      organizationId: id("B"),
      teamId: id("B1"),
      specialistId: id("S1"),
      createdById: id("memberB1"),
      createdForId: null,
      status: "active",
    },
    bNoTeam: {
      organizationId: id("B"),
      teamId: null,
      specialistId: id("S2"),
      createdById: id("memberB1"),
      createdForId: null,
      status: "active",
    },
  };
}

const Y = true;
const N = false;
type Row = Record<BookingKey, boolean>;
const row = (values: boolean[]): Row =>
  Object.fromEntries(BOOKING_KEYS.map((key, i) => [key, values[i]!])) as Row;

/** Who sees which booking.          aNoTeam aTeam1 aTeam2 aT2For aT2By1 bTeam1 bNoTeam */
export const VISIBLE: Record<ActorKey, Row> = {
  platformAdmin: /*               */ row([Y, Y, Y, Y, Y, Y, Y]),
  specialistS1: /*                */ row([N, N, Y, N, N, Y, N]),
  ownerA: /*                      */ row([Y, Y, Y, Y, Y, N, N]),
  adminA: /*                      */ row([Y, Y, Y, Y, Y, N, N]),
  memberA1: /*                    */ row([Y, Y, N, N, Y, N, N]),
  memberNoTeamA: /*               */ row([Y, N, N, Y, N, N, N]),
  memberB1: /*                    */ row([N, N, N, N, N, Y, Y]),
  outsider: /*                    */ row([N, N, N, N, N, N, N]),
};

/** Who may reschedule or cancel: referrer visibility only — a specialist may not. */
export const RESCHEDULE_OR_CANCEL: Record<ActorKey, Row> = {
  ...VISIBLE,
  specialistS1: row([N, N, N, N, N, N, N]),
};

/** Booking targets for creation: organization and team (B1 under A is a mismatch). A member
 * of a team may not book without one (it would show the booking to the whole organization). */
export const CREATE_TARGETS = {
  "A/none": { org: "A", team: null },
  "A/A1": { org: "A", team: "A1" },
  "A/A2": { org: "A", team: "A2" },
  "B/none": { org: "B", team: null },
  "B/B1": { org: "B", team: "B1" },
  "A/B1": { org: "A", team: "B1" },
} as const;
export type CreateTargetKey = keyof typeof CREATE_TARGETS;

/** Who may create where.             A/none A/A1 A/A2 B/none B/B1 A/B1 */
export const MAY_CREATE: Record<ActorKey, Record<CreateTargetKey, boolean>> = {
  platformAdmin: { "A/none": Y, "A/A1": Y, "A/A2": Y, "B/none": Y, "B/B1": Y, "A/B1": N },
  specialistS1: { "A/none": N, "A/A1": N, "A/A2": N, "B/none": N, "B/B1": N, "A/B1": N },
  ownerA: { "A/none": Y, "A/A1": Y, "A/A2": Y, "B/none": N, "B/B1": N, "A/B1": N },
  adminA: { "A/none": Y, "A/A1": Y, "A/A2": Y, "B/none": N, "B/B1": N, "A/B1": N },
  memberA1: { "A/none": N, "A/A1": Y, "A/A2": N, "B/none": N, "B/B1": N, "A/B1": N },
  memberNoTeamA: { "A/none": Y, "A/A1": N, "A/A2": N, "B/none": N, "B/B1": N, "A/B1": N },
  memberB1: { "A/none": N, "A/A1": N, "A/A2": N, "B/none": N, "B/B1": Y, "A/B1": N },
  outsider: { "A/none": N, "A/A1": N, "A/A2": N, "B/none": N, "B/B1": N, "A/B1": N },
};
