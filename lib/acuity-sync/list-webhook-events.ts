import { and, count, desc, eq, ilike, isNotNull, isNull, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { DbOrTx } from "@/db/client";
import { webhookEvents } from "@/db/schema";

export const webhookEventFiltersSchema = z.object({
  status: z.enum(["all", "pending", "failed", "processed"]).catch("all"),
  action: z.string().trim().max(100).catch(""),
  appointment: z.string().trim().max(50).catch(""),
  page: z.coerce.number().int().min(1).catch(1),
});
export type WebhookEventFilters = z.infer<typeof webhookEventFiltersSchema>;

export const WEBHOOK_PAGE_SIZE = 50;

/** Webhook deliveries for the admin triage screen — callers check canUseAdminConsole. */
export async function listWebhookEvents(db: DbOrTx, filters: WebhookEventFilters) {
  const conditions: SQL[] = [];
  if (filters.status === "pending")
    conditions.push(isNull(webhookEvents.processedAt), isNull(webhookEvents.error));
  if (filters.status === "failed")
    conditions.push(isNull(webhookEvents.processedAt), isNotNull(webhookEvents.error));
  if (filters.status === "processed") conditions.push(isNotNull(webhookEvents.processedAt));
  if (filters.action) conditions.push(ilike(webhookEvents.eventType, `%${filters.action}%`));
  if (filters.appointment) conditions.push(eq(webhookEvents.resourceId, filters.appointment));
  const where = conditions.length ? and(...conditions) : undefined;
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(webhookEvents)
      .where(where)
      .orderBy(desc(webhookEvents.createdAt), desc(webhookEvents.id))
      .limit(WEBHOOK_PAGE_SIZE)
      .offset((filters.page - 1) * WEBHOOK_PAGE_SIZE),
    db.select({ total: count() }).from(webhookEvents).where(where),
  ]);
  return { rows, total: total?.total ?? 0 };
}
