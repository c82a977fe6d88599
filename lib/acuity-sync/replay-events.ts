import { and, inArray, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { webhookEvents } from "@/db/schema";

/**
 * Puts events back in the queue for the worker, due now with a fresh attempt budget: the
 * given ones (processed or not), or every failed one. The last error stays until the retry
 * replaces it, so admins still see why it failed.
 */
export async function replayWebhookEvents(
  db: DbOrTx,
  target: { eventIds: string[] } | { allFailed: true },
): Promise<string[]> {
  const where: SQL | undefined =
    "eventIds" in target
      ? inArray(webhookEvents.id, target.eventIds.length ? target.eventIds : ["-"])
      : and(isNull(webhookEvents.processedAt), isNotNull(webhookEvents.error));
  const rows = await db
    .update(webhookEvents)
    .set({ processedAt: null, attempts: 0, nextAttemptAt: sql`now()` })
    .where(and(where, sql`${webhookEvents.resourceId} <> 'unknown'`))
    .returning({ id: webhookEvents.id });
  return rows.map((row) => row.id);
}
