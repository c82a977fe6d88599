import { inArray, sql, type SQL } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings } from "@/db/schema";
import { bookingVisibilityCondition, memberVisibilityParts } from "@/lib/authz/booking-scope";
import { listBookingsForViewer } from "@/lib/bookings/list-bookings";
import { loadActor } from "@/lib/authz/load-actor";
import { ACTOR_KEYS, BOOKING_KEYS, VISIBLE, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";

let id: IdOf;
let bookingIds: Record<BookingKey, string>;

beforeAll(async () => {
  // With the fixture's memberships, so loadActor builds the actors from the database.
  ({ id, bookingIds } = await insertAuthzWorld({ withMemberships: true }));
});

describe.each(ACTOR_KEYS)("the bookings list for %s", (actorKey) => {
  it("holds exactly the fixture bookings the access matrix lets them see", async () => {
    const actor = await loadActor(getDb(), id(actorKey), null);
    expect(actor).not.toBeNull();
    const rows = await listBookingsForViewer(getDb(), actor!, { limit: 10_000 });
    const fixtureIds = new Set(Object.values(bookingIds));
    const seen = rows
      .filter((row) => fixtureIds.has(row.id))
      .map((row) => row.id)
      .sort();
    const expected = BOOKING_KEYS.filter((key) => VISIBLE[actorKey][key])
      .map((key) => bookingIds[key])
      .sort();
    expect(seen).toEqual(expected);
  });
});

it("gives the specialist's link and the platform role from the database", async () => {
  const specialist = await loadActor(getDb(), id("specialistS1"), null);
  expect(specialist?.specialistIds).toEqual([id("S1")]);
  const admin = await loadActor(getDb(), id("platformAdmin"), null);
  expect(admin?.platformRole).toBe("admin");
});

describe("a team member's view as disjoint parts (memberVisibilityParts, for counts added part by part)", () => {
  const fixtureRows = (condition: SQL) =>
    getDb()
      .select({ id: bookings.id })
      .from(bookings)
      .where(sql`${inArray(bookings.id, Object.values(bookingIds))} and ${condition}`)
      .then((rows) => rows.map((row) => row.id).sort());

  it.each(["memberA1", "memberNoTeamA", "memberB1"] as const)(
    "%s: the parts hold exactly what the policy lets them see, each booking in one part",
    async (actorKey) => {
      const actor = (await loadActor(getDb(), id(actorKey), null))!;
      const parts = memberVisibilityParts(actor);
      expect(parts).not.toBeNull();
      const perPart = await Promise.all(parts!.map(fixtureRows));
      const union = perPart.flat().sort();
      expect(union).toEqual(await fixtureRows(bookingVisibilityCondition(actor)));
      expect(new Set(union).size).toBe(union.length);
      const expected = BOOKING_KEYS.filter((key) => VISIBLE[actorKey][key])
        .map((key) => bookingIds[key])
        .sort();
      expect(union).toEqual(expected);
    },
  );

  it("is not offered to anyone whose view is one range already (owners, admins, specialists, the platform)", async () => {
    for (const actorKey of ["platformAdmin", "specialistS1", "ownerA", "adminA", "outsider"] as const) {
      const actor = (await loadActor(getDb(), id(actorKey), null))!;
      expect(memberVisibilityParts(actor), actorKey).toBeNull();
    }
  });
});
