import type { DbOrTx } from "@/db/client";
import { webhookEvents } from "@/db/schema";
import { parseAcuityWebhookPayload } from "@/lib/acuity";

/**
 * Stores one verified delivery as it came. A delivery we cannot act on (unknown action, no
 * appointment id) is stored as already processed, with the reason, so it is visible and ignored.
 */
export async function recordWebhookEvent(db: DbOrTx, rawBody: string): Promise<{ id: string; actionable: boolean }> {
  const form = Object.fromEntries(new URLSearchParams(rawBody));
  const parsed = parseAcuityWebhookPayload(rawBody);
  const [row] = await db
    .insert(webhookEvents)
    .values({
      source: "acuity",
      eventType: (form.action ?? "unknown").slice(0, 100),
      resourceId: (form.id ?? "unknown").slice(0, 255),
      payload: form,
      ...(parsed ? {} : { processedAt: new Date(), error: "Ignored: not an appointment event this portal handles" }),
    })
    .returning({ id: webhookEvents.id });
  return { id: row!.id, actionable: parsed !== null };
}
