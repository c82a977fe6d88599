/**
 * Tables beyond the seed contract that keep multi-step operations safe: idempotent booking
 * submissions, uploads that are signed but not yet confirmed, and the dev e-mail outbox.
 */
import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, text, timestamp, varchar } from "drizzle-orm/pg-core";
import { EMAIL_STATUSES, type EmailKind } from "@/lib/notifications/kinds";
import { users } from "./auth";
import { bookings } from "./bookings";
import { createdAtColumn, idColumn, userRef } from "./columns";
import { DOCUMENT_CATEGORIES } from "./enums";
import { notificationEvents } from "./notifications";

/** One row per submitted booking form: a resubmission with the same key finds its booking. */
export const bookingRequests = pgTable("booking_requests", {
  idempotencyKey: varchar("idempotency_key", { length: 255 }).primaryKey(),
  requestedById: userRef("requested_by_id")
    .notNull()
    .references(() => users.id),
  bookingId: varchar("booking_id", { length: 255 }).references(() => bookings.id, { onDelete: "cascade" }),
  acuityAppointmentId: varchar("acuity_appointment_id", { length: 255 }),
  createdAt: createdAtColumn(),
});

/**
 * One row per attempt to make an Acuity appointment for a portal booking: written before Acuity is
 * asked, deleted in the booking's own transaction. A row that stays is an attempt never saved — the
 * portal gave up on it (`abandoned_at`), or its process died (`next_attempt_at` passes first) — and
 * the appointment Acuity may hold for it (by id, else by the booking reference in its notes, on
 * that calendar at that time) must not stand: the webhook worker and reconcile cancel it
 * (lib/acuity-sync/cancel-abandoned-appointments.ts). Resolved rows stay a while, so an appointment
 * that surfaces late is still recognised as the portal's and cancelled too.
 */
export const acuityBookingAttempts = pgTable(
  "acuity_booking_attempts",
  {
    /** The booking id the portal would have saved: written into the appointment's notes. */
    bookingReference: varchar("booking_reference", { length: 255 }).primaryKey(),
    requestedById: userRef("requested_by_id")
      .notNull()
      .references(() => users.id),
    /** The form's key in booking_requests: a process that died left it claimed; the worker frees it. */
    idempotencyKey: varchar("idempotency_key", { length: 255 }).notNull(),
    acuityCalendarId: varchar("acuity_calendar_id", { length: 255 }).notNull(),
    appointmentAt: timestamp("appointment_at", { withTimezone: true }).notNull(),
    /** Once Acuity named it; before that the appointment is found by reference. */
    acuityAppointmentId: varchar("acuity_appointment_id", { length: 255 }),
    createdAt: createdAtColumn(),
    abandonedAt: timestamp("abandoned_at", { withTimezone: true }),
    /** When the worker may act on it: for one in flight, the moment it counts as abandoned. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).default(
      sql`now() + interval '5 minutes'`,
    ),
    attempts: integer("attempts").notNull().default(0),
    /** The last failure, as a sentence (never SQL or personal data). */
    lastError: text("last_error"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolution: varchar("resolution", { length: 50, enum: ["cancelled", "not_in_acuity"] }),
  },
  (t) => [
    index("idx_acuity_booking_attempts_due")
      .on(t.nextAttemptAt)
      .where(sql`${t.resolvedAt} IS NULL`),
  ],
);

/** A presigned upload awaiting its confirm step; unconfirmed ones are deleted after a day. */
export const pendingUploads = pgTable(
  "pending_uploads",
  {
    id: idColumn(),
    bookingId: varchar("booking_id", { length: 255 })
      .notNull()
      .references(() => bookings.id, { onDelete: "cascade" }),
    uploadedById: userRef("uploaded_by_id")
      .notNull()
      .references(() => users.id),
    s3Key: varchar("s3_key", { length: 500 }).notNull().unique(),
    fileName: varchar("file_name", { length: 255 }).notNull(),
    declaredSize: bigint("declared_size", { mode: "number" }).notNull(),
    declaredMimeType: varchar("declared_mime_type", { length: 100 }).notNull(),
    category: varchar("category", { length: 50, enum: DOCUMENT_CATEGORIES }).notNull(),
    multipartUploadId: text("multipart_upload_id"),
    createdAt: createdAtColumn(),
  },
  (t) => [index("idx_pending_uploads_created").on(t.createdAt)],
);

/**
 * The outbox: every e-mail the portal sends, one row per recipient — who, what kind, which booking,
 * when, and the outcome. A row is written `queued` in the transaction that causes it (with its
 * delivery job, lib/jobs), rendered and sent by a worker, then `sent` or — when its retries are
 * spent — `failed`, which an admin may resend (a new row, `resent_from_id` pointing back).
 */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: idColumn(),
    kind: varchar("kind", { length: 50 }).$type<EmailKind>().notNull().default("invitation"),
    status: varchar("status", { length: 20, enum: EMAIL_STATUSES }).notNull().default("queued"),
    eventId: varchar("event_id", { length: 255 }).references(() => notificationEvents.id, {
      onDelete: "set null",
    }),
    bookingId: varchar("booking_id", { length: 255 }).references(() => bookings.id, { onDelete: "set null" }),
    recipientUserId: userRef("recipient_user_id").references(() => users.id, { onDelete: "set null" }),
    toAddress: varchar("to_address", { length: 255 }).notNull(),
    /** Filled when the worker renders the message (null while queued for kinds rendered late). */
    subject: varchar("subject", { length: 500 }),
    textBody: text("text_body"),
    htmlBody: text("html_body"),
    /** What a kind needs to render beyond its event (an invitation's link, a digest's rows). */
    payload: jsonb("payload").$type<Record<string, unknown>>(),
    /** The SMTP Message-ID: the same on every attempt, so a resend after a crash is recognisable. */
    messageId: varchar("message_id", { length: 255 }),
    attempts: integer("attempts").notNull().default(0),
    resentFromId: varchar("resent_from_id", { length: 255 }),
    createdAt: createdAtColumn(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** The last failure, as the SMTP server or connection said it (never SQL, never examinee data). */
    error: text("error"),
  },
  (t) => [
    index("idx_outbox_emails_created").on(t.createdAt),
    index("idx_outbox_emails_status").on(t.status, t.createdAt),
    index("idx_outbox_emails_booking").on(t.bookingId),
  ],
);

/**
 * Per Acuity appointment: when the newest applied read of it started — or when Acuity answered
 * the portal's own latest change to it, whichever is later (lib/acuity-sync/sync-mark.ts).
 * Applying a read takes this row's lock (serializing concurrent syncs of one appointment) and
 * is refused when a read that started later, or a portal change, was already applied — so an
 * out-of-order, slower read never overwrites newer truth.
 */
export const acuitySyncMarks = pgTable("acuity_sync_marks", {
  acuityAppointmentId: varchar("acuity_appointment_id", { length: 255 }).primaryKey(),
  readStartedAt: timestamp("read_started_at", { withTimezone: true }).notNull(),
  appliedAt: timestamp("applied_at", { withTimezone: true }).notNull().defaultNow(),
});
