import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { createdAtColumn, idColumn } from "./columns";

export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: idColumn(),
    source: varchar("source", { length: 50 }).notNull().default("acuity"),
    eventType: varchar("event_type", { length: 100 }).notNull(),
    /** The Acuity appointment id. */
    resourceId: varchar("resource_id", { length: 255 }).notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
    error: text("error"),
    createdAt: createdAtColumn(),
    /** Beyond the seed: processing attempts so far, and when the worker may try again. */
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index("idx_webhook_events_source").on(t.source),
    index("idx_webhook_events_resource").on(t.resourceId),
    index("idx_webhook_events_processed").on(t.processedAt),
    index("idx_webhook_events_created").on(t.createdAt),
    // The worker's queue: unprocessed events due for an attempt.
    index("idx_webhook_events_due")
      .on(t.nextAttemptAt)
      .where(sql`${t.processedAt} IS NULL`),
  ],
);
