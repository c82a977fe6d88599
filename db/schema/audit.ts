import { index, inet, jsonb, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { idColumn } from "./columns";

/** Append-only (a trigger rejects UPDATE and DELETE). No FKs to users: rows outlive them. */
export const auditLogs = pgTable(
  "audit_logs",
  {
    id: idColumn(),
    userId: varchar("user_id", { length: 255 }).notNull(),
    impersonatedUserId: varchar("impersonated_user_id", { length: 255 }),
    action: varchar("action", { length: 100 }).notNull(),
    resourceType: varchar("resource_type", { length: 50 }).notNull(),
    resourceId: varchar("resource_id", { length: 255 }).notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    ipAddress: inet("ip_address").notNull(),
    userAgent: text("user_agent"),
    timestamp: timestamp("timestamp", { withTimezone: true }).defaultNow(),
  },
  (t) => [
    index("idx_audit_logs_user").on(t.userId),
    index("idx_audit_logs_resource").on(t.resourceType, t.resourceId),
    index("idx_audit_logs_timestamp").on(t.timestamp),
    index("idx_audit_logs_action").on(t.action),
  ],
);
