/**
 * Report recipients: further e-mail addresses a booking's notifications go to (a solicitor, a
 * claims officer), and an organization's defaults, copied onto each of its new bookings
 * (copy-organization-contacts.ts). Pages wrap these definitions with defineAction; each add and
 * remove is audited in its own transaction.
 */
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { bookingContacts, bookings, organizationContacts, organizations } from "@/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import type { ActionDefinition } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/authz/actor";
import {
  canManageBookingContacts,
  canManageOrganizationContacts,
  canManageSomeBookingContacts,
  canManageSomeOrganizationContacts,
  canViewBooking,
  isBookingArchived,
} from "@/lib/authz/policy";
import { ARCHIVED_MESSAGE } from "@/lib/bookings/progress/messages";
import { newId } from "@/lib/ids";
import {
  addBookingContactSchema,
  addOrganizationContactSchema,
  alreadyListedMessage,
  removeBookingContactSchema,
  removeOrganizationContactSchema,
} from "./contact-schemas";

/**
 * The booking, locked: two people adding the same address at once are serialized here, so the
 * second one gets the field error rather than the unique index's failure.
 */
async function lockBookingForContacts(tx: Tx, actor: Actor, bookingId: string) {
  const [booking] = await tx
    .select({
      id: bookings.id,
      organizationId: bookings.organizationId,
      teamId: bookings.teamId,
      specialistId: bookings.specialistId,
      createdById: bookings.createdById,
      createdForId: bookings.createdForId,
      status: bookings.status,
    })
    .from(bookings)
    .where(eq(bookings.id, bookingId))
    .for("update");
  if (!booking || !canViewBooking(actor, booking)) throw new NotFoundError("That booking");
  if (isBookingArchived(booking)) throw new UserFacingError("conflict", ARCHIVED_MESSAGE);
  if (!canManageBookingContacts(actor, booking))
    throw new UserFacingError("forbidden", "You can't change who receives this booking's notifications.");
  return booking;
}

export const addBookingContactDefinition: ActionDefinition<
  typeof addBookingContactSchema,
  { contactId: string }
> = {
  input: addBookingContactSchema,
  authorize: canManageSomeBookingContacts,
  run: async ({ tx, actor, audit }, input) => {
    const booking = await lockBookingForContacts(tx, actor, input.bookingId);
    const [listed] = await tx
      .select({ id: bookingContacts.id })
      .from(bookingContacts)
      .where(
        and(eq(bookingContacts.bookingId, booking.id), sql`lower(${bookingContacts.email}) = ${input.email}`),
      );
    if (listed) {
      const message = alreadyListedMessage(input.email, "booking");
      throw new UserFacingError("conflict", message, { email: [message] });
    }
    const contactId = newId();
    await tx.insert(bookingContacts).values({
      id: contactId,
      bookingId: booking.id,
      email: input.email,
      name: input.name,
      addedById: actor.userId,
    });
    await audit({
      action: "booking.contact_added",
      resourceType: "booking",
      resourceId: booking.id,
      metadata: { contactId, email: input.email, name: input.name },
    });
    return { contactId };
  },
};

export const removeBookingContactDefinition: ActionDefinition<
  typeof removeBookingContactSchema,
  { contactId: string }
> = {
  input: removeBookingContactSchema,
  authorize: canManageSomeBookingContacts,
  run: async ({ tx, actor, audit }, input) => {
    const booking = await lockBookingForContacts(tx, actor, input.bookingId);
    const [removed] = await tx
      .delete(bookingContacts)
      .where(and(eq(bookingContacts.id, input.contactId), eq(bookingContacts.bookingId, booking.id)))
      .returning({ id: bookingContacts.id, email: bookingContacts.email });
    if (!removed) throw new NotFoundError("That recipient");
    await audit({
      action: "booking.contact_removed",
      resourceType: "booking",
      resourceId: booking.id,
      metadata: { contactId: removed.id, email: removed.email },
    });
    return { contactId: removed.id };
  },
};

/** The organization, locked (same reason as the booking above); not found for anyone who may not manage it. */
async function lockOrganizationForContacts(tx: Tx, actor: Actor, organizationId: string) {
  const [organization] = await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for("update");
  if (!organization || !canManageOrganizationContacts(actor, organization.id))
    throw new NotFoundError("That organization");
  return organization;
}

export const addOrganizationContactDefinition: ActionDefinition<
  typeof addOrganizationContactSchema,
  { contactId: string }
> = {
  input: addOrganizationContactSchema,
  authorize: canManageSomeOrganizationContacts,
  run: async ({ tx, actor, audit }, input) => {
    const organization = await lockOrganizationForContacts(tx, actor, input.organizationId);
    const [listed] = await tx
      .select({ id: organizationContacts.id })
      .from(organizationContacts)
      .where(
        and(
          eq(organizationContacts.organizationId, organization.id),
          sql`lower(${organizationContacts.email}) = ${input.email}`,
        ),
      );
    if (listed) {
      const message = alreadyListedMessage(input.email, "organization");
      throw new UserFacingError("conflict", message, { email: [message] });
    }
    const contactId = newId();
    await tx.insert(organizationContacts).values({
      id: contactId,
      organizationId: organization.id,
      email: input.email,
      name: input.name,
      addedById: actor.userId,
    });
    await audit({
      action: "organization.contact_added",
      resourceType: "organization",
      resourceId: organization.id,
      metadata: { contactId, email: input.email, name: input.name },
    });
    return { contactId };
  },
};

export const removeOrganizationContactDefinition: ActionDefinition<
  typeof removeOrganizationContactSchema,
  { contactId: string }
> = {
  input: removeOrganizationContactSchema,
  authorize: canManageSomeOrganizationContacts,
  run: async ({ tx, actor, audit }, input) => {
    const organization = await lockOrganizationForContacts(tx, actor, input.organizationId);
    const [removed] = await tx
      .delete(organizationContacts)
      .where(
        and(
          eq(organizationContacts.id, input.contactId),
          eq(organizationContacts.organizationId, organization.id),
        ),
      )
      .returning({ id: organizationContacts.id, email: organizationContacts.email });
    if (!removed) throw new NotFoundError("That recipient");
    await audit({
      action: "organization.contact_removed",
      resourceType: "organization",
      resourceId: organization.id,
      metadata: { contactId: removed.id, email: removed.email },
    });
    return { contactId: removed.id };
  },
};
