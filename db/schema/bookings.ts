import { sql } from "drizzle-orm";
import { check, index, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { organizations, teams, users } from "./auth";
import { createdAtColumn, idColumn, updatedAtColumn, userRef } from "./columns";
import { APPOINTMENT_TYPES, BOOKING_SOURCES, BOOKING_STATUSES, PROGRESS_STAGES, sqlList } from "./enums";
import { specialists } from "./specialists";

const progressCheck = (column: string) => sql.raw(`${column} IN (${sqlList(PROGRESS_STAGES)})`);

export const bookings = pgTable(
  "bookings",
  {
    id: idColumn(),
    acuityAppointmentId: varchar("acuity_appointment_id", { length: 255 }).notNull().unique(),
    specialistId: varchar("specialist_id", { length: 255 })
      .notNull()
      .references(() => specialists.id),
    organizationId: varchar("organization_id", { length: 255 })
      .notNull()
      .references(() => organizations.id),
    teamId: varchar("team_id", { length: 255 }).references(() => teams.id),
    createdById: userRef("created_by_id")
      .notNull()
      .references(() => users.id),
    /** The user on whose behalf an impersonating admin created the booking. */
    createdForId: userRef("created_for_id").references(() => users.id),
    examineeName: varchar("examinee_name", { length: 255 }).notNull(),
    examineePhone: varchar("examinee_phone", { length: 50 }).notNull(),
    examineeEmail: varchar("examinee_email", { length: 255 }),
    appointmentDate: timestamp("appointment_date", { withTimezone: true }).notNull(),
    appointmentType: varchar("appointment_type", { length: 50, enum: APPOINTMENT_TYPES }).notNull(),
    meetingLink: text("meeting_link"),
    status: varchar("status", { length: 50, enum: BOOKING_STATUSES }).notNull().default("active"),
    currentProgress: varchar("current_progress", { length: 50, enum: PROGRESS_STAGES })
      .notNull()
      .default("scheduled"),
    source: varchar("source", { length: 50, enum: BOOKING_SOURCES }).notNull().default("portal"),
    externalCreatedBy: varchar("external_created_by", { length: 255 }),
    notes: text("notes"),
    createdAt: createdAtColumn(),
    updatedAt: updatedAtColumn(),
  },
  (t) => [
    check("bookings_appointment_type_check", sql.raw(`appointment_type IN (${sqlList(APPOINTMENT_TYPES)})`)),
    check("bookings_status_check", sql.raw(`status IN (${sqlList(BOOKING_STATUSES)})`)),
    check("bookings_current_progress_check", progressCheck("current_progress")),
    check("bookings_source_check", sql.raw(`source IN (${sqlList(BOOKING_SOURCES)})`)),
    index("idx_bookings_specialist").on(t.specialistId),
    index("idx_bookings_organization").on(t.organizationId),
    index("idx_bookings_team").on(t.teamId),
    index("idx_bookings_created_by").on(t.createdById),
    index("idx_bookings_appointment_date").on(t.appointmentDate),
    index("idx_bookings_status").on(t.status),
    index("idx_bookings_acuity").on(t.acuityAppointmentId),
    index("idx_bookings_search").on(t.examineeName, t.examineePhone),
  ],
);

export const bookingProgress = pgTable(
  "booking_progress",
  {
    id: idColumn(),
    bookingId: varchar("booking_id", { length: 255 })
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    progress: varchar("progress", { length: 50, enum: PROGRESS_STAGES }).notNull(),
    changedById: userRef("changed_by_id")
      .notNull()
      .references(() => users.id),
    changedForId: userRef("changed_for_id").references(() => users.id),
    notes: text("notes"),
    createdAt: createdAtColumn(),
    /**
     * Beyond the seed: the appointment time this change moved from and to (both set, or neither),
     * so the history shows every move of the time — also a second reschedule, whose stage stays
     * `rescheduled`.
     */
    appointmentFrom: timestamp("appointment_from", { withTimezone: true }),
    appointmentTo: timestamp("appointment_to", { withTimezone: true }),
  },
  (t) => [
    check("booking_progress_progress_check", progressCheck("progress")),
    check(
      "booking_progress_appointment_move_check",
      sql`(${t.appointmentFrom} IS NULL) = (${t.appointmentTo} IS NULL)`,
    ),
    index("idx_booking_progress_booking").on(t.bookingId),
    index("idx_booking_progress_created").on(t.createdAt),
  ],
);
