import { and, eq, isNotNull, ne, or, type SQL } from "drizzle-orm";
import { bookings, notifications } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { bookingVisibilityCondition } from "@/lib/authz/booking-scope";
import { isPlatformAdmin } from "@/lib/authz/policy";

/**
 * Which of the actor's `notifications` rows they may see *now*, as SQL over `notifications`
 * LEFT JOIN `bookings` (the join is the query's, so every column below is qualified — never a
 * raw subquery, whose bare column names bind to the inner table; see TRAPS.md). A booking's
 * notification shows only while the policy lets the reader see the booking — a referrer taken
 * off a team stops seeing what it said — and "needs attention" only to platform admins.
 */
export function notificationVisibilityCondition(actor: Actor): SQL {
  const ofVisibleBooking = and(
    ne(notifications.kind, "attention.needed"),
    isNotNull(bookings.id),
    bookingVisibilityCondition(actor),
  )!;
  const own = eq(notifications.userId, actor.userId);
  return isPlatformAdmin(actor)
    ? and(own, or(eq(notifications.kind, "attention.needed"), ofVisibleBooking))!
    : and(own, ofVisibleBooking)!;
}
