import { and, desc, eq, gt } from "drizzle-orm";
import type { Database } from "@/db/client";
import { notificationEvents } from "@/db/schema";
import { localDateIn } from "@/lib/time/zoned";
import { platformAdmins } from "./admin-readers";
import { loadEmailPreferences, wantsEmail } from "./preferences";
import { queueDigestOnce } from "./queue-digest-once";
import type { DigestRun } from "./reports-owed-digest";

/** One thing that needed a person, as the admins' digest lists it. */
export interface AttentionItem {
  /** The sentence recorded with the event: what happened and what to do (no examinee data). */
  summary: string;
  /** The log event name of the failure (webhook.event_gave_up, email.undeliverable, …). */
  reason: string;
  /** When it happened (ISO). */
  at: string;
  bookingId: string | null;
}

/** A day's digest lists at most this many (newest first); `total` says how many there were. */
export const ATTENTION_DIGEST_MAX_ITEMS = 200;
const WINDOW_HOURS = 24;

/**
 * What needed a person in the last day: the `attention.needed` events recorded where the failure
 * happened — webhook events that gave up, appointments that could not be recorded or were left in
 * Acuity by a failed save, cancellations Acuity made that the portal could not record, e-mails
 * that could not be delivered. Newest first.
 */
export async function listAttentionSince(
  db: Database,
  since: Date,
): Promise<{ items: AttentionItem[]; total: number }> {
  const where = and(eq(notificationEvents.kind, "attention.needed"), gt(notificationEvents.createdAt, since));
  const [rows, total] = await Promise.all([
    db
      .select({
        facts: notificationEvents.facts,
        createdAt: notificationEvents.createdAt,
        bookingId: notificationEvents.bookingId,
      })
      .from(notificationEvents)
      .where(where)
      .orderBy(desc(notificationEvents.createdAt), desc(notificationEvents.id))
      .limit(ATTENTION_DIGEST_MAX_ITEMS),
    db.$count(notificationEvents, where),
  ]);
  const items = rows.map((row) => ({
    summary: row.facts.summary ?? "Something needs a person; the server log has the detail.",
    reason: row.facts.reason ?? "unknown",
    at: row.createdAt.toISOString(),
    bookingId: row.bookingId,
  }));
  return { items, total };
}

/**
 * The admins' daily digest (PRODUCT.md: something needs a person — daily digest + in-app): one
 * `attention_digest` e-mail per platform admin who has not switched it off, listing the last 24
 * hours' `attention.needed` events. Nothing when nothing happened. At most one per admin per day
 * (`day` in `timeZone`, DIGEST_TIME_ZONE).
 */
export async function sendAttentionDigests(db: Database, now: Date, timeZone: string): Promise<DigestRun> {
  const run: DigestRun = { queued: 0, alreadySent: 0 };
  const { items, total } = await listAttentionSince(db, new Date(now.getTime() - WINDOW_HOURS * 3_600_000));
  if (total === 0) return run;
  const day = localDateIn(now, timeZone);
  const admins = await platformAdmins(db);
  const switchedOff = await loadEmailPreferences(
    db,
    admins.map((admin) => admin.id),
  );
  for (const admin of admins) {
    if (!wantsEmail(switchedOff.get(admin.id), "attention_digest")) continue;
    const queued = await queueDigestOnce(db, {
      kind: "attention_digest",
      recipientUserId: admin.id,
      toAddress: admin.email,
      payload: { items, total },
      day,
    });
    if (queued) run.queued += 1;
    else run.alreadySent += 1;
  }
  return run;
}
