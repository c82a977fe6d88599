import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { WebhookDeliveryRow } from "./webhook-delivery-row";

export interface RecordedWebhookEvent {
  id: string;
  actionable: boolean;
}

const IGNORED = "Ignored: not an appointment event this portal handles";

/**
 * Stores verified deliveries (webhook-delivery-row.ts) in one INSERT. A delivery we cannot act on
 * (unknown action, no appointment id) is stored as already processed, with the reason, so it is
 * visible and ignored.
 *
 * One array parameter per column (`unnest`) instead of Drizzle's multi-row `values()`: building
 * that statement cost more CPU than the rest of the acknowledgement (its per-value entity
 * checks), and this is the hottest write in the portal.
 */
export async function recordWebhookEvents(
  db: DbOrTx,
  rows: WebhookDeliveryRow[],
): Promise<RecordedWebhookEvent[]> {
  if (rows.length === 0) return [];
  const now = new Date();
  const column = <T>(pick: (row: WebhookDeliveryRow) => T) => sql.param(rows.map(pick));
  await db.execute(sql`
    INSERT INTO webhook_events (id, source, event_type, resource_id, payload, processed_at, error)
    SELECT id, 'acuity', event_type, resource_id, payload::jsonb, processed_at, error
    FROM unnest(
      ${column((r) => r.id)}::varchar[], ${column((r) => r.eventType)}::varchar[], ${column((r) => r.resourceId)}::varchar[],
      ${column((r) => r.payload)}::text[], ${column((r) => (r.actionable ? null : now))}::timestamptz[],
      ${column((r) => (r.actionable ? null : IGNORED))}::text[]
    ) AS delivery(id, event_type, resource_id, payload, processed_at, error)`);
  return rows.map(({ id, actionable }) => ({ id, actionable }));
}
