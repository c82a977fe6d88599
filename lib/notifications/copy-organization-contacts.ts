import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookingContacts, organizationContacts } from "@/db/schema";
import { newId } from "@/lib/ids";

/**
 * Gives a new booking its organization's default report recipients, in the booking's create
 * transaction (so the booked notice already reaches them). A copy, not a link: changing the
 * defaults later leaves existing bookings as they are, and each booking's list is edited alone.
 * The copy keeps who added each default.
 */
export async function copyOrganizationContacts(
  tx: DbOrTx,
  booking: { bookingId: string; organizationId: string },
): Promise<number> {
  const defaults = await tx
    .select({
      email: organizationContacts.email,
      name: organizationContacts.name,
      addedById: organizationContacts.addedById,
    })
    .from(organizationContacts)
    .where(eq(organizationContacts.organizationId, booking.organizationId));
  if (defaults.length === 0) return 0;
  await tx
    .insert(bookingContacts)
    .values(defaults.map((contact) => ({ id: newId(), bookingId: booking.bookingId, ...contact })))
    .onConflictDoNothing();
  return defaults.length;
}
