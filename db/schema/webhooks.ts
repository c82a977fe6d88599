import { index, jsonb, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
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
  },
  (t) => [
    index("idx_webhook_events_source").on(t.source),
    index("idx_webhook_events_resource").on(t.resourceId),
    index("idx_webhook_events_processed").on(t.processedAt),
    index("idx_webhook_events_created").on(t.createdAt),
  ],
);
