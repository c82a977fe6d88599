import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { charges, users } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { canViewCharges } from "@/lib/authz/policy";

export type BookingCharge = Awaited<ReturnType<typeof selectCharges>>[number];

const selectCharges = (db: DbOrTx, bookingId: string) =>
  db
    .select({
      id: charges.id,
      kind: charges.kind,
      amountMinor: charges.amountMinor,
      currency: charges.currency,
      taxRateBasisPoints: charges.taxRateBasisPoints,
      description: charges.description,
      occurredAt: charges.occurredAt,
      waivedAt: charges.waivedAt,
      waiveReason: charges.waiveReason,
      waivedByName: users.name,
    })
    .from(charges)
    .leftJoin(users, eq(users.id, charges.waivedById))
    .where(eq(charges.bookingId, bookingId))
    .orderBy(asc(charges.occurredAt));

/**
 * A booking's charges for someone who may see them (its organization's owners and admins,
 * platform admins); null for everyone else — the caller shows nothing, as for a missing record.
 * The booking must already be one the actor may view.
 */
export async function listBookingCharges(
  db: DbOrTx,
  actor: Actor,
  booking: { id: string; organizationId: string },
): Promise<BookingCharge[] | null> {
  if (!canViewCharges(actor, booking.organizationId)) return null;
  return selectCharges(db, booking.id);
}
