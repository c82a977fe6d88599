import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
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
