/**
 * The fan-out: turns one recorded event into its messages — in-app notifications and queued
 * e-mails — in one transaction, and marks the event done (`fanned_out_at`) in it.
 *
 * The event row is the queue entry (fan-out-loop.ts takes pending ones with SKIP LOCKED). Running
 * one event twice must not duplicate anything: its row is locked first (two runs take turns, and
 * the second sees it done), notifications are unique per (event, user) and inserted with ON
 * CONFLICT DO NOTHING, and e-mails are queued only when the event has none in the outbox yet —
 * since they are written all at once in this transaction, "some" means "all".
 */
import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { notificationEvents, notifications, outboxEmails } from "@/db/schema";
import { queueEmail } from "@/lib/email/queue-email";
import { platformAdminIds } from "./admin-readers";
import type { BookingEventKind } from "./booking-change-events";
import { planBookingMessages } from "./booking-recipients";
import { loadBookingAudience } from "./load-booking-audience";

type EventRow = typeof notificationEvents.$inferSelect;

/** Fans out one event now, whether or not it is due (tests, and a person retrying one). */
export async function fanOutNotificationEvent(eventId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [event] = await tx
      .select()
      .from(notificationEvents)
      .where(eq(notificationEvents.id, eventId))
      .for("update");
    // Deleted with its booking: nothing left to tell.
    if (!event) return;
    await fanOut(tx, event);
  });
}

/**
 * Takes the oldest due pending event no other process holds (SKIP LOCKED) and fans it out in the
 * same transaction. A failure is undone to a savepoint and recorded on the event instead: it is
 * tried again after 5 s, doubling to at most an hour — and never given up, because an event is
 * someone's news and what failed (the database, a bug) is for a person to fix.
 * Returns null when no event is due.
 */
export async function fanOutNextPendingEvent(): Promise<
  { id: string; error: null } | { id: string; error: unknown; attempts: number } | null
> {
  return getDb().transaction(async (tx) => {
    const [event] = await tx
      .select()
      .from(notificationEvents)
      .where(and(isNull(notificationEvents.fannedOutAt), lte(notificationEvents.nextFanOutAt, sql`now()`)))
      .orderBy(asc(notificationEvents.nextFanOutAt))
      .limit(1)
      .for("update", { skipLocked: true });
    if (!event) return null;
    try {
      await tx.transaction((savepoint) => fanOut(savepoint, event));
      return { id: event.id, error: null };
    } catch (error) {
      const attempts = event.fanOutAttempts + 1;
      await tx
        .update(notificationEvents)
        .set({
          fanOutAttempts: attempts,
          nextFanOutAt: sql`now() + least(interval '1 hour', interval '5 seconds' * power(2, ${event.fanOutAttempts}))`,
        })
        .where(eq(notificationEvents.id, event.id));
      return { id: event.id, error, attempts };
    }
  });
}

async function fanOut(tx: Tx, event: EventRow): Promise<void> {
  if (event.fannedOutAt) return;
  if (event.kind === "attention.needed") await fanOutToAdmins(tx, event);
  else await fanOutBookingEvent(tx, event, event.kind);
  await tx
    .update(notificationEvents)
    .set({ fannedOutAt: sql`now()` })
    .where(eq(notificationEvents.id, event.id));
}

async function addReaders(tx: Tx, event: EventRow, userIds: readonly string[]) {
  if (userIds.length === 0) return;
  await tx
    .insert(notifications)
    .values(
      userIds.map((userId) => ({ eventId: event.id, userId, bookingId: event.bookingId, kind: event.kind })),
    )
    .onConflictDoNothing();
}

/** Attention events are read in the app by every admin; their e-mail is the daily digest (another job). */
async function fanOutToAdmins(tx: Tx, event: EventRow) {
  await addReaders(tx, event, await platformAdminIds(tx));
}

async function fanOutBookingEvent(tx: Tx, event: EventRow, kind: BookingEventKind) {
  if (!event.bookingId) return;
  const audience = await loadBookingAudience(tx, {
    kind,
    bookingId: event.bookingId,
    actorUserId: event.actorUserId,
  });
  if (!audience) return;
  const plan = planBookingMessages(audience);
  await addReaders(tx, event, plan.readers);

  const [queued] = await tx
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(eq(outboxEmails.eventId, event.id))
    .limit(1);
  if (queued) return;
  for (const email of plan.emails) {
    await queueEmail(tx, {
      kind: email.kind,
      toAddress: email.toAddress,
      recipientUserId: email.recipientUserId,
      bookingId: event.bookingId,
      eventId: event.id,
      // What the template needs beyond the event and the booking: how to greet them, and whether
      // signing in shows them the booking (a recipient without access is told to ask the booker).
      payload: { role: email.role, name: email.name, canSignIn: email.canSignIn },
    });
  }
}
