import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { listBookingsForViewer } from "@/lib/bookings/list-bookings";
import { loadActor } from "@/lib/authz/load-actor";
import { ACTOR_KEYS, BOOKING_KEYS, VISIBLE, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { members, teamMembers } from "@/db/schema";

let id: IdOf;
let bookingIds: Record<BookingKey, string>;

beforeAll(async () => {
  ({ id, bookingIds } = await insertAuthzWorld());
  // Memberships as the fixture describes them, so loadActor builds the actors from the database.
  const now = new Date();
  await getDb().insert(members).values([
    { organizationId: id("A"), userId: id("ownerA"), role: "owner", createdAt: now },
    { organizationId: id("A"), userId: id("adminA"), role: "admin", createdAt: now },
    { organizationId: id("A"), userId: id("memberA1"), role: "member", createdAt: now },
    { organizationId: id("A"), userId: id("memberNoTeamA"), role: "member", createdAt: now },
    { organizationId: id("B"), userId: id("memberB1"), role: "member", createdAt: now },
  ]);
  await getDb().insert(teamMembers).values([
    { teamId: id("A2"), userId: id("adminA") },
    { teamId: id("A1"), userId: id("memberA1") },
    { teamId: id("B1"), userId: id("memberB1") },
  ]);
});

describe.each(ACTOR_KEYS)("the bookings list for %s", (actorKey) => {
  it("holds exactly the fixture bookings the access matrix lets them see", async () => {
    const actor = await loadActor(getDb(), id(actorKey), null);
    expect(actor).not.toBeNull();
    const rows = await listBookingsForViewer(getDb(), actor!, { limit: 10_000 });
    const fixtureIds = new Set(Object.values(bookingIds));
    const seen = rows.filter((row) => fixtureIds.has(row.id)).map((row) => row.id).sort();
    const expected = BOOKING_KEYS.filter((key) => VISIBLE[actorKey][key]).map((key) => bookingIds[key]).sort();
    expect(seen).toEqual(expected);
  });
});

it("gives the specialist's link and the platform role from the database", async () => {
  const specialist = await loadActor(getDb(), id("specialistS1"), null);
  expect(specialist?.specialistIds).toEqual([id("S1")]);
  const admin = await loadActor(getDb(), id("platformAdmin"), null);
  expect(admin?.platformRole).toBe("admin");
});
