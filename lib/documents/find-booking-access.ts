import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { bookingAccessColumns, bookingVisibilityCondition } from "@/lib/authz/booking-scope";
import type { BookingAccessFacts } from "@/lib/authz/policy";

export type BookingAccess = BookingAccessFacts & { id: string };

/**
 * The facts the policy needs about one booking, or null when it is missing *or* not
 * visible to the viewer — the SQL scope already answers "may see", callers 404 either way.
 */
export async function findBookingAccessForViewer(
  db: DbOrTx,
  viewer: Actor,
  bookingId: string,
): Promise<BookingAccess | null> {
  const [row] = await db
    .select(bookingAccessColumns)
    .from(bookings)
    .where(and(eq(bookings.id, bookingId), bookingVisibilityCondition(viewer)));
  return row ?? null;
}
