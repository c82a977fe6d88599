import { and, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { bookingVisibilityCondition } from "@/lib/authz/booking-scope";
import { filterConditions, searchCondition } from "./booking-list-query";
import type { BookingListOptions } from "./list-bookings";

/**
 * Past this many matches the table says "10,000+": counting a million rows exactly costs
 * more than the number is worth to someone paging 25 at a time.
 */
export const BOOKING_COUNT_CAP = 10_000;

/** How many bookings the viewer's list holds with these filters — exact up to the cap. */
export async function countBookingsForViewer(
  db: DbOrTx,
  viewer: Actor,
  options: Pick<BookingListOptions, "filters" | "search"> = {},
  cap = BOOKING_COUNT_CAP,
): Promise<{ total: number; capped: boolean }> {
  const matching = db
    .select({ one: sql`1` })
    .from(bookings)
    .where(
      and(
        bookingVisibilityCondition(viewer),
        searchCondition(options.search),
        ...filterConditions(options.filters),
      ),
    )
    .limit(cap + 1)
    .as("matching");
  const [row] = await db.select({ total: sql<number>`count(*)::int` }).from(matching);
  const total = row?.total ?? 0;
  return total > cap ? { total: cap, capped: true } : { total, capped: false };
}
