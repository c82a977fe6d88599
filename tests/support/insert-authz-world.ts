import { randomBytes } from "node:crypto";
import { getDb, type Database } from "@/db/client";
import * as t from "@/db/schema";
import {
  ACTOR_KEYS,
  BOOKING_KEYS,
  buildActors,
  buildBookings,
  type BookingKey,
  type IdOf,
} from "./authz-fixture";

/** Inserts the fixture world with ids unique to this call; returns the id mapper and booking ids. */
export async function insertAuthzWorld(
  options: {
    examineePhone?: string;
    withMemberships?: boolean;
    /** Put into every examinee name ("Examinee <tag>aTeam1"), so a name search finds this world only. */
    examineeNameTag?: string;
    /** Another database than the run's shared one (a test that must not touch the others' data). */
    db?: Database;
  } = {},
): Promise<{ id: IdOf; bookingIds: Record<BookingKey, string> }> {
  const tag = randomBytes(4).toString("hex");
  const id: IdOf = (key) => `${tag}-${key}`;
  const db = options.db ?? getDb();
  const now = new Date();
  await db.insert(t.users).values(
    [...ACTOR_KEYS, "specialistS2"].map((key) => ({
      id: id(key),
      name: key,
      email: `${tag}-${key}@fixture.test`,
      role: key === "platformAdmin" ? "admin" : "user",
    })),
  );
  await db.insert(t.organizations).values(
    ["A", "B"].map((key) => ({
      id: id(key),
      name: `Org ${key} ${tag}`,
      slug: `${tag}-${key}`.toLowerCase(),
      createdAt: now,
    })),
  );
  await db.insert(t.teams).values([
    { id: id("A1"), name: "A1", organizationId: id("A"), createdAt: now },
    { id: id("A2"), name: "A2", organizationId: id("A"), createdAt: now },
    { id: id("B1"), name: "B1", organizationId: id("B"), createdAt: now },
  ]);
  await db.insert(t.specialists).values([
    {
      id: id("S1"),
      userId: id("specialistS1"),
      acuityCalendarId: `${tag}-cal-1`,
      name: "S1",
      specialty: "Neurology",
      location: "Denver",
    },
    {
      id: id("S2"),
      userId: id("specialistS2"),
      acuityCalendarId: `${tag}-cal-2`,
      name: "S2",
      specialty: "Psychiatry",
      location: null,
    },
  ]);
  const facts = buildBookings(id);
  const bookingIds = Object.fromEntries(BOOKING_KEYS.map((key) => [key, id(`booking-${key}`)])) as Record<
    BookingKey,
    string
  >;
  await db.insert(t.bookings).values(
    BOOKING_KEYS.map((key, i) => ({
      id: bookingIds[key],
      acuityAppointmentId: `${tag}-${i}`,
      ...facts[key],
      examineeName: `Examinee ${options.examineeNameTag ?? ""}${key}`,
      examineePhone: options.examineePhone ?? "+12125550100",
      appointmentDate: new Date(now.getTime() + (i + 1) * 86_400_000),
      appointmentType: "telehealth" as const,
    })),
  );
  if (options.withMemberships) await insertFixtureMemberships(db, id);
  return { id, bookingIds };
}

/** The organization and team memberships the fixture's actors describe, so loadActor rebuilds them. */
async function insertFixtureMemberships(db: Database, id: IdOf) {
  const actors = Object.values(buildActors(id));
  const createdAt = new Date();
  await db.insert(t.members).values(
    actors.flatMap((actor) =>
      actor.memberships.map((m) => ({
        organizationId: m.organizationId,
        userId: actor.userId,
        role: m.role,
        createdAt,
      })),
    ),
  );
  await db
    .insert(t.teamMembers)
    .values(
      actors.flatMap((actor) => actor.teams.map((team) => ({ teamId: team.teamId, userId: actor.userId }))),
    );
}
