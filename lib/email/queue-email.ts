import type { DbOrTx } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { enqueueJob, QUEUE_NAMES } from "@/lib/jobs/job-queue";
import type { EmailKind } from "@/lib/notifications/kinds";

export interface QueuedEmail {
  kind: EmailKind;
  toAddress: string;
  recipientUserId?: string | null;
  bookingId?: string | null;
  eventId?: string | null;
  /** What the kind's template needs beyond the event and the booking (an invitation's link, a digest's rows). */
  payload?: Record<string, unknown> | null;
  resentFromId?: string | null;
}

/**
 * Writes an outbox row (`queued`) and its delivery job in `db`'s transaction. The worker renders
 * and sends it after the commit (lib/email/deliver-email.ts); nothing is sent for a rollback.
 */
export async function queueEmail(db: DbOrTx, email: QueuedEmail): Promise<string> {
  const [row] = await db
    .insert(outboxEmails)
    .values({
      kind: email.kind,
      status: "queued",
      toAddress: email.toAddress,
      recipientUserId: email.recipientUserId ?? null,
      bookingId: email.bookingId ?? null,
      eventId: email.eventId ?? null,
      payload: email.payload ?? null,
      resentFromId: email.resentFromId ?? null,
    })
    .returning({ id: outboxEmails.id });
  if (!row) throw new Error("outbox insert returned no row");
  await enqueueJob(db, QUEUE_NAMES.sendEmail, { outboxId: row.id });
  return row.id;
}
