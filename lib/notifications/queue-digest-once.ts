import { and, eq, gt, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { queueEmail } from "@/lib/email/queue-email";
import type { EmailKind } from "./kinds";

export interface DigestEmail {
  kind: Extract<EmailKind, "reports_owed_digest" | "attention_digest">;
  recipientUserId: string;
  toAddress: string;
  payload: Record<string, unknown>;
  /**
   * The calendar day the digest is for (`YYYY-MM-DD` in DIGEST_TIME_ZONE, the day its schedule
   * fired): kept in the payload as `day`, which is what "already sent" compares.
   */
  day: string;
}

/**
 * Queues a digest unless one of its kind for `day` already went to this person — so a retried
 * run, a second run the same day (two processes, a schedule changed mid-day) or a crash between
 * two recipients never sends anyone two. The outbox is the record: the check and the insert run
 * in one transaction under a lock per person and kind, so two runs at once cannot both miss each
 * other's row. Returns whether it queued one.
 */
export async function queueDigestOnce(db: Database, email: DigestEmail): Promise<boolean> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`SELECT pg_advisory_xact_lock(hashtext(${`digest:${email.kind}:${email.recipientUserId}`}))`,
    );
    const [already] = await tx
      .select({ id: outboxEmails.id })
      .from(outboxEmails)
      .where(
        and(
          eq(outboxEmails.kind, email.kind),
          eq(outboxEmails.recipientUserId, email.recipientUserId),
          // The index on created_at narrows it to the last days; the day the digest is for decides.
          gt(outboxEmails.createdAt, sql`now() - interval '3 days'`),
          sql`${outboxEmails.payload}->>'day' = ${email.day}`,
        ),
      )
      .limit(1);
    if (already) return false;
    await queueEmail(tx, {
      kind: email.kind,
      toAddress: email.toAddress,
      recipientUserId: email.recipientUserId,
      payload: { ...email.payload, day: email.day },
    });
    return true;
  });
}
