/**
 * The fan-out job (queue notifications.fan-out): turns one recorded event into its messages —
 * in-app notifications and queued e-mails — in one transaction.
 *
 * A retried job must not duplicate anything: the event row is locked first (two runs of one
 * event take turns), notifications are unique per (event, user) and inserted with ON CONFLICT
 * DO NOTHING, and e-mails are queued only when the event has none in the outbox yet — since they
 * are written all at once in this transaction, "some" means "all".
 */
import { eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db/client";
import { notificationEvents, notifications, outboxEmails } from "@/db/schema";
import { queueEmail } from "@/lib/email/queue-email";
import { platformAdminIds } from "./admin-readers";
import type { BookingEventKind } from "./booking-change-events";
import { planBookingMessages } from "./booking-recipients";
import { loadBookingAudience } from "./load-booking-audience";

type EventRow = typeof notificationEvents.$inferSelect;

export async function fanOutNotificationEvent(eventId: string): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [event] = await tx
      .select()
      .from(notificationEvents)
      .where(eq(notificationEvents.id, eventId))
      .for("update");
    // Deleted with its booking: nothing left to tell.
    if (!event) return;
    if (event.kind === "attention.needed") await fanOutToAdmins(tx, event);
    else await fanOutBookingEvent(tx, event, event.kind);
  });
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
