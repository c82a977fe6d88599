/**
 * The idempotency ledger of the booking form (`booking_requests`). A key is claimed in its own
 * short statement before Acuity is asked, so a second submission of the same form can see the
 * first one — in flight or done — instead of booking again.
 */
import { and, eq, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookingRequests } from "@/db/schema";

export type BookingRequestClaim =
  | { status: "claimed" }
  | { status: "done"; bookingId: string }
  | { status: "in_flight" }
  /** The key exists but belongs to someone else: treated as not found. */
  | { status: "foreign" };

export async function claimBookingRequest(
  db: DbOrTx,
  key: string,
  requestedById: string,
): Promise<BookingRequestClaim> {
  const inserted = await db
    .insert(bookingRequests)
    .values({ idempotencyKey: key, requestedById })
    .onConflictDoNothing()
    .returning({ key: bookingRequests.idempotencyKey });
  if (inserted.length === 1) return { status: "claimed" };
  const [existing] = await db.select().from(bookingRequests).where(eq(bookingRequests.idempotencyKey, key));
  if (!existing) return claimBookingRequest(db, key, requestedById); // released in between: claim again
  if (existing.requestedById !== requestedById) return { status: "foreign" };
  return existing.bookingId ? { status: "done", bookingId: existing.bookingId } : { status: "in_flight" };
}

/** Remembers the Acuity appointment as soon as it exists, so it can always be traced back. */
export async function recordAcuityAppointment(
  db: DbOrTx,
  key: string,
  acuityAppointmentId: string,
): Promise<void> {
  await db
    .update(bookingRequests)
    .set({ acuityAppointmentId })
    .where(eq(bookingRequests.idempotencyKey, key));
}

/** Frees the key after a failure that left nothing behind, so the same form can be sent again. */
export async function releaseBookingRequest(db: DbOrTx, key: string): Promise<void> {
  await db
    .delete(bookingRequests)
    .where(and(eq(bookingRequests.idempotencyKey, key), isNull(bookingRequests.bookingId)));
}

/**
 * Waits for another submission of the same form to finish: its booking id, or null when it
 * failed and released the key (the caller may then try itself), or "timeout".
 */
export async function waitForBookingRequest(
  db: DbOrTx,
  key: string,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<string | null | "timeout"> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
    const [row] = await db.select().from(bookingRequests).where(eq(bookingRequests.idempotencyKey, key));
    if (!row) return null;
    if (row.bookingId) return row.bookingId;
  }
  return "timeout";
}
