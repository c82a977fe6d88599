import {
  bigint,
  doublePrecision,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  varchar,
} from "drizzle-orm/pg-core";
import { specialists } from "./specialists";

/**
 * The turnaround chart's finished months (lib/homes/report-turnaround.ts), kept once computed per
 * zone; valid while `version` equals the (specialist, month) version below. Migration 0019's
 * triggers on `bookings` bump that version; the rows are written by the chart's own statement.
 */
export const reportTurnaroundMonths = pgTable(
  "report_turnaround_months",
  {
    timeZone: text("time_zone").notNull(),
    specialistId: varchar("specialist_id", { length: 255 })
      .notNull()
      .references(() => specialists.id, { onDelete: "cascade" }),
    /** YYYY-MM in time_zone. */
    month: text("month").notNull(),
    version: bigint("version", { mode: "number" }).notNull(),
    /** NULL when no report was marked ready that month. */
    medianDays: doublePrecision("median_days"),
    reports: integer("reports").notNull(),
    computedAt: timestamp("computed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.timeZone, t.month, t.specialistId] })],
);

/** A version per specialist and UTC month (YYYY-MM), bumped by migration 0019's triggers. */
export const reportTurnaroundVersions = pgTable(
  "report_turnaround_versions",
  {
    specialistId: varchar("specialist_id", { length: 255 })
      .notNull()
      .references(() => specialists.id, { onDelete: "cascade" }),
    month: text("month").notNull(),
    version: bigint("version", { mode: "number" }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.specialistId, t.month] })],
);
