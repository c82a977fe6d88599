import { boolean, index, pgTable, varchar } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAtColumn, idColumn, updatedAtColumn, userRef } from "./columns";

export const specialists = pgTable(
  "specialists",
  {
    id: idColumn(),
    userId: userRef("user_id")
      .notNull()
      .references(() => users.id),
    acuityCalendarId: varchar("acuity_calendar_id", { length: 255 }).notNull().unique(),
    name: varchar("name", { length: 255 }).notNull(),
    specialty: varchar("specialty", { length: 255 }).notNull(),
    /** NULL means telehealth-only. */
    location: varchar("location", { length: 255 }),
    isActive: boolean("is_active").notNull().default(true),
    /** The Acuity calendar's IANA zone (beyond the seed): times are shown in it. */
    timezone: varchar("timezone", { length: 64 }),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    index("idx_specialists_user_id").on(t.userId),
    index("idx_specialists_active").on(t.isActive),
    index("idx_specialists_acuity_calendar").on(t.acuityCalendarId),
  ],
);
