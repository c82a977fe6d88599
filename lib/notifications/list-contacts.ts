import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookingContacts, organizationContacts } from "@/db/schema";

/** A report recipient as the screens show it. */
export interface ContactRow {
  id: string;
  email: string;
  name: string | null;
  createdAt: Date | null;
}

/**
 * A booking's report recipients, oldest first. The caller has asked the policy
 * (canManageBookingContacts): the addresses are shown only to those who may change them.
 */
export function listBookingContacts(db: DbOrTx, bookingId: string): Promise<ContactRow[]> {
  return db
    .select({
      id: bookingContacts.id,
      email: bookingContacts.email,
      name: bookingContacts.name,
      createdAt: bookingContacts.createdAt,
    })
    .from(bookingContacts)
    .where(eq(bookingContacts.bookingId, bookingId))
    .orderBy(asc(bookingContacts.createdAt), asc(bookingContacts.id));
}

/** An organization's default recipients (canManageOrganizationContacts asked by the caller). */
export function listOrganizationContacts(db: DbOrTx, organizationId: string): Promise<ContactRow[]> {
  return db
    .select({
      id: organizationContacts.id,
      email: organizationContacts.email,
      name: organizationContacts.name,
      createdAt: organizationContacts.createdAt,
    })
    .from(organizationContacts)
    .where(eq(organizationContacts.organizationId, organizationId))
    .orderBy(asc(organizationContacts.createdAt), asc(organizationContacts.id));
}
