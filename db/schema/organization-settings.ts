import { sql } from "drizzle-orm";
import { boolean, check, integer, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";
import { organizations } from "./auth";

/**
 * An organization's own settings, one row per organization (absent = the defaults). Its owner
 * changes them (lib/organization-settings); more settings join this row rather than a new table.
 */
export const organizationSettings = pgTable(
  "organization_settings",
  {
    organizationId: varchar("organization_id", { length: 255 })
      .primaryKey()
      .references(() => organizations.id, { onDelete: "cascade" }),
    // Every member must enrol a second factor, like admins and specialists (lib/two-factor/requirement.ts).
    requireTwoFactor: boolean("require_two_factor").notNull().default(false),
    /**
     * Business days after the examination a report is due (PRODUCT.md "Report due dates"); admins
     * set it. Changing it moves the due day of the organization's reports still owed (trigger).
     */
    reportDueBusinessDays: integer("report_due_business_days").notNull().default(10),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    check("organization_settings_report_due_days_check", sql`${t.reportDueBusinessDays} BETWEEN 1 AND 60`),
  ],
);
