import { eq, inArray, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookingContacts, bookings, specialists, users } from "@/db/schema";
import { isSystemAccount } from "@/lib/auth/system-account";
import { loadActor } from "@/lib/authz/load-actor";
import { canViewBooking, type BookingAccessFacts } from "@/lib/authz/policy";
import type { BookingEventKind } from "./booking-change-events";
import type { AudienceUser, BookingAudience } from "./booking-recipients";
import { loadEmailPreferences } from "./preferences";

/**
 * What planBookingMessages needs about a booking event, read now (when the fan-out runs, after
 * the change committed): the booker, the specialist's user, the report recipients and the accounts
 * behind their addresses — each with the policy's answer to "may they see this booking?" and the
 * e-mail kinds they switched off. Null when the booking is gone.
 */
export async function loadBookingAudience(
  db: DbOrTx,
  event: { kind: BookingEventKind; bookingId: string; actorUserId: string | null },
): Promise<BookingAudience | null> {
  const [booking] = await db
    .select({
      organizationId: bookings.organizationId,
      teamId: bookings.teamId,
      specialistId: bookings.specialistId,
      createdById: bookings.createdById,
      createdForId: bookings.createdForId,
      status: bookings.status,
      specialistUserId: specialists.userId,
    })
    .from(bookings)
    .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
    .where(eq(bookings.id, event.bookingId));
  if (!booking) return null;

  const contacts = await db
    .select({ email: bookingContacts.email, name: bookingContacts.name })
    .from(bookingContacts)
    .where(eq(bookingContacts.bookingId, event.bookingId));

  const bookerId = booking.createdForId ?? booking.createdById;
  const byId = [bookerId, booking.specialistUserId];
  const contactAddresses = [...new Set(contacts.map((c) => c.email.toLowerCase()))];
  const matches: SQL[] = [inArray(users.id, byId)];
  if (contactAddresses.length > 0) matches.push(inArray(sql`lower(${users.email})`, contactAddresses));
  const accounts = await db
    .select({ id: users.id, email: users.email, banned: users.banned })
    .from(users)
    .where(or(...matches));

  const switchedOff = await loadEmailPreferences(
    db,
    accounts.map((a) => a.id),
  );
  const people = new Map<string, AudienceUser>();
  for (const account of accounts) {
    people.set(account.id, {
      userId: account.id,
      email: account.email,
      banned: account.banned === true,
      isSystem: isSystemAccount(account),
      canView: await mayView(db, account.id, booking),
      switchedOff: switchedOff.get(account.id) ?? new Set(),
    });
  }
  const byAddress = new Map([...people.values()].map((person) => [person.email.toLowerCase(), person]));

  return {
    kind: event.kind,
    actorUserId: event.actorUserId,
    booker: people.get(bookerId) ?? null,
    specialist: people.get(booking.specialistUserId) ?? null,
    contacts: contacts.map((contact) => ({
      email: contact.email,
      name: contact.name,
      account: byAddress.get(contact.email.toLowerCase()) ?? null,
    })),
  };
}

/** The booking policy, asked of the user as they are now (memberships and teams read afresh). */
async function mayView(db: DbOrTx, userId: string, booking: BookingAccessFacts): Promise<boolean> {
  const actor = await loadActor(db, userId, null);
  return actor !== null && canViewBooking(actor, booking);
}
