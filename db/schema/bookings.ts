import { sql } from "drizzle-orm";
import { boolean, check, date, index, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
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
    // Referral details beyond the seed (issue 15): what the case manager searches by. All optional.
    claimNumber: varchar("claim_number", { length: 100 }),
    dateOfInjury: date("date_of_injury", { mode: "string" }),
    reportType: varchar("report_type", { length: 120 }),
    caseManagerReference: varchar("case_manager_reference", { length: 100 }),
    /**
     * The day the report is due: the organization's business days (default 10) after the
     * examination's day in the specialist's zone. Maintained by the database (trigger
     * `bookings_set_report_due_on`, migration 0014) whoever writes the row, so every list can
     * index "owed" and "overdue"; lib/bookings/report-due-date.ts is the same rule in TypeScript.
     */
    reportDueOn: date("report_due_on", { mode: "string" }),
    /**
     * When the latest progress row was written, and when the report was last marked ready (null
     * once a later row moved the booking back before "report ready"). Kept by the database from
     * the progress history (trigger `booking_progress_keep_booking_marks`, migration 0017) so the
     * homes read an index instead of the history: "changed by the specialist's side" and the
     * turnaround chart.
     */
    lastProgressAt: timestamp("last_progress_at", { withTimezone: true }),
    reportReadyAt: timestamp("report_ready_at", { withTimezone: true }),
    /**
     * Whether a brief / a consent form is among the booking's documents. Kept by the database
     * (trigger `documents_keep_booking_papers`, migration 0020) whoever writes the documents, so
     * "papers missing" and "briefs missing" walk an index of the bookings missing one instead of
     * probing the documents of every upcoming examination (issue 14).
     */
    hasBrief: boolean("has_brief").notNull().default(false),
    hasConsentForm: boolean("has_consent_form").notNull().default(false),
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
    // Reports owed (examined, no report yet), by due date: the homes' "owed" and "overdue" lists.
    index("idx_bookings_report_owed_specialist")
      .on(t.specialistId, t.reportDueOn)
      .where(sql.raw(`current_progress IN ('scheduled', 'rescheduled', 'generating_report')`)),
    index("idx_bookings_report_owed_organization")
      .on(t.organizationId, t.reportDueOn)
      .where(sql.raw(`current_progress IN ('scheduled', 'rescheduled', 'generating_report')`)),
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
