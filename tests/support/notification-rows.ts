/**
 * What the fan-out wrote for a booking or an event: notification events, in-app rows and outbox
 * rows, as sorted strings a test compares whole ("who got what").
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { notificationEvents, notifications, outboxEmails, users } from "@/db/schema";
import { fanOutNotificationEvent } from "@/lib/notifications/fan-out";

export const eventsOf = (bookingId: string) =>
  getDb()
    .select()
    .from(notificationEvents)
    .where(eq(notificationEvents.bookingId, bookingId))
    .orderBy(asc(notificationEvents.createdAt));

/** The event kinds recorded for a booking, oldest first. */
export const eventKindsOf = async (bookingId: string) => (await eventsOf(bookingId)).map((e) => e.kind);

/** Runs the fan-out job's work for every event of the booking (as the job worker would). */
export async function fanOutBooking(bookingId: string): Promise<void> {
  for (const event of await eventsOf(bookingId)) await fanOutNotificationEvent(event.id);
}

/** "kind → user's e-mail" for each in-app row of the events, sorted. */
export async function inAppOf(eventIds: string[]): Promise<string[]> {
  if (eventIds.length === 0) return [];
  const rows = await getDb()
    .select({ kind: notifications.kind, email: users.email })
    .from(notifications)
    .innerJoin(users, eq(users.id, notifications.userId))
    .where(inArray(notifications.eventId, eventIds));
  return rows.map((r) => `${r.kind} → ${r.email}`).sort();
}

/** "e-mail kind → address" for each outbox row of the events, sorted. */
export async function outboxOf(eventIds: string[]): Promise<string[]> {
  if (eventIds.length === 0) return [];
  const rows = await getDb()
    .select({ kind: outboxEmails.kind, to: outboxEmails.toAddress })
    .from(outboxEmails)
    .where(inArray(outboxEmails.eventId, eventIds));
  return rows.map((r) => `${r.kind} → ${r.to}`).sort();
}

/** The outbox rows of one event, for their details (recipient user, payload). */
export const outboxRowsOf = (eventId: string) =>
  getDb()
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.eventId, eventId)));
