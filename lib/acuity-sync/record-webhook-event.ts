import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { parseAcuityWebhookPayload } from "@/lib/acuity";
import { newId } from "@/lib/ids";

export interface RecordedWebhookEvent {
  id: string;
  actionable: boolean;
}

const IGNORED = "Ignored: not an appointment event this portal handles";

/**
 * Stores verified deliveries as they came, in one INSERT; the result is in the order given. A
 * delivery we cannot act on (unknown action, no appointment id) is stored as already processed,
 * with the reason, so it is visible and ignored.
 *
 * One array parameter per column (`unnest`) instead of Drizzle's multi-row `values()`: building
 * that statement cost more CPU than the rest of the acknowledgement (its per-value entity
 * checks), and this is the hottest write in the portal. Ids are made here, so no answer
 * depends on the order of returned rows.
 */
export async function recordWebhookEvents(db: DbOrTx, rawBodies: string[]): Promise<RecordedWebhookEvent[]> {
  if (rawBodies.length === 0) return [];
  const now = new Date();
  const rows = rawBodies.map((rawBody) => {
    const form = Object.fromEntries(new URLSearchParams(rawBody));
    return {
      id: newId(),
      actionable: parseAcuityWebhookPayload(rawBody) !== null,
      eventType: (form.action ?? "unknown").slice(0, 100),
      resourceId: (form.id ?? "unknown").slice(0, 255),
      payload: JSON.stringify(form),
    };
  });
  const column = <T>(pick: (row: (typeof rows)[number]) => T) => sql.param(rows.map(pick));
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
