/**
 * What an outbox row's message is made of, read when it is sent (not when it was queued): the
 * booking as it is now (its specialist, place, link), the event that caused the e-mail (a
 * reschedule's old and new time, the `.ics` SEQUENCE), and the recipient's time zone. Only the
 * columns the e-mails use are selected — the examinee's name, phone and e-mail are never read.
 */
import { aliasedTable, and, eq, inArray, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings, notificationEvents, outboxEmails, specialists, users, userSettings } from "@/db/schema";
import { FALLBACK_TIME_ZONE } from "@/lib/availability/calendar-of";
import { config } from "@/lib/config";
import type { NotificationEventKind } from "@/lib/notifications/kinds";
import type { ComposeInput, EmailBookingFacts, EmailEventFacts } from "./compose-email";

type OutboxRow = typeof outboxEmails.$inferSelect;

/** The events whose e-mails carry an `.ics` of the booking: each is one more version of the calendar entry. */
const CALENDAR_EVENT_KINDS: NotificationEventKind[] = [
  "booking.booked",
  "booking.rescheduled",
  "booking.cancelled",
];

async function bookingFacts(db: DbOrTx, bookingId: string): Promise<EmailBookingFacts | null> {
  const booker = aliasedTable(users, "booker");
  const [row] = await db
    .select({
      id: bookings.id,
      appointmentDate: bookings.appointmentDate,
      appointmentType: bookings.appointmentType,
      meetingLink: bookings.meetingLink,
      specialistName: specialists.name,
      specialty: specialists.specialty,
      timeZone: specialists.timezone,
      location: specialists.location,
      bookerName: booker.name,
    })
    .from(bookings)
    .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
    // The person the booking was made for when an admin booked on their behalf, else who booked it.
    .leftJoin(booker, eq(booker.id, sql`coalesce(${bookings.createdForId}, ${bookings.createdById})`))
    .where(eq(bookings.id, bookingId));
  if (!row) return null;
  return {
    id: row.id,
    appointmentDate: row.appointmentDate,
    appointmentType: row.appointmentType,
    meetingLink: row.meetingLink,
    specialist: {
      name: row.specialistName,
      specialty: row.specialty,
      timeZone: row.timeZone || FALLBACK_TIME_ZONE,
      location: row.location,
    },
    bookerName: row.bookerName,
  };
}

async function eventFacts(
  db: DbOrTx,
  eventId: string | null,
  bookingId: string | null,
): Promise<EmailEventFacts | null> {
  if (!eventId && !bookingId) return null;
  const [event] = eventId
    ? await db
        .select({
          id: notificationEvents.id,
          facts: notificationEvents.facts,
        })
        .from(notificationEvents)
        .where(eq(notificationEvents.id, eventId))
    : [];
  let sequence = 0;
  if (bookingId) {
    // Earlier versions of this booking's calendar entry, compared in the database: created_at
    // has microseconds, a JS Date only milliseconds — two changes within one millisecond would
    // both miss each other. (Events of one transaction share a created_at; their ids break the tie.)
    // Without its event, the e-mail counts them all.
    const earlier = event
      ? sql`(${notificationEvents.createdAt}, ${notificationEvents.id}) < (SELECT e.created_at, e.id FROM notification_events e WHERE e.id = ${event.id})`
      : undefined;
    sequence = await db.$count(
      notificationEvents,
      and(
        eq(notificationEvents.bookingId, bookingId),
        inArray(notificationEvents.kind, CALENDAR_EVENT_KINDS),
        earlier,
      ),
    );
  }
  const instant = (value: string | undefined) => (value ? new Date(value) : null);
  return { from: instant(event?.facts.from), to: instant(event?.facts.to), sequence };
}

async function recipientZone(db: DbOrTx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db
    .select({ timeZone: userSettings.timeZone })
    .from(userSettings)
    .where(eq(userSettings.userId, userId));
  return row?.timeZone ?? null;
}

/** SMTP_FROM as a calendar organizer: `Name <address>` or a bare address. */
export function organizerOf(from: string): { name: string; email: string } {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
  return match
    ? { name: match[1] || "IME Portal", email: match[2]! }
    : { name: "IME Portal", email: from.trim() };
}

export async function loadEmailInput(db: DbOrTx, row: OutboxRow): Promise<ComposeInput> {
  const { BETTER_AUTH_URL, SMTP_FROM } = config();
  // One after another: `db` may be a transaction, whose queries run one at a time anyway.
  const booking = row.bookingId ? await bookingFacts(db, row.bookingId) : null;
  const event = await eventFacts(db, row.eventId, row.bookingId);
  const zone = await recipientZone(db, row.recipientUserId);
  return {
    kind: row.kind,
    baseUrl: BETTER_AUTH_URL,
    toAddress: row.toAddress,
    recipientZone: zone,
    hasAccount: row.recipientUserId !== null,
    organizer: organizerOf(SMTP_FROM),
    booking,
    event,
    payload: row.payload,
  };
}
