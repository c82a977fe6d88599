import { and, inArray, isNull, lte, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { webhookEvents } from "@/db/schema";
import { leaseSeconds } from "./retry-policy";

export interface ClaimedEvent {
  id: string;
  resourceId: string;
  attempts: number;
}

/**
 * Leases due, unprocessed events to this worker: SKIP LOCKED lets several workers (app
 * instances) claim in parallel without waiting on or doubling each other, and the lease —
 * next_attempt_at pushed into the future — keeps others off while Acuity is being read,
 * without holding a transaction open. `ids` / `resourceIds` narrow the claim to specific
 * events or appointments.
 */
export async function claimDueEvents(
  db: DbOrTx,
  options: { limit: number; ids?: string[]; resourceIds?: string[] },
): Promise<ClaimedEvent[]> {
  const due = and(
    isNull(webhookEvents.processedAt),
    lte(webhookEvents.nextAttemptAt, sql`now()`),
    options.ids ? inArray(webhookEvents.id, options.ids) : undefined,
    options.resourceIds ? inArray(webhookEvents.resourceId, options.resourceIds) : undefined,
  );
  const result = await db.execute<{ id: string; resource_id: string; attempts: number }>(sql`
    UPDATE webhook_events SET next_attempt_at = now() + make_interval(secs => ${leaseSeconds()}), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM webhook_events WHERE ${due}
      ORDER BY created_at
      LIMIT ${options.limit}
      FOR UPDATE SKIP LOCKED)
    RETURNING id, resource_id, attempts`);
  return result.rows.map((row) => ({ id: row.id, resourceId: row.resource_id, attempts: row.attempts }));
}

/**
 * Hands back claimed events this worker will not process (it is stopping): due at once for
 * another worker, and the claim's attempt not counted, since no attempt was made.
 */
export async function releaseClaims(db: DbOrTx, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(webhookEvents)
    .set({ nextAttemptAt: sql`now()`, attempts: sql`greatest(${webhookEvents.attempts} - 1, 0)` })
    .where(and(isNull(webhookEvents.processedAt), inArray(webhookEvents.id, ids)));
}
