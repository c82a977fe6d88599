/** The value lists of the seed's CHECK constraints, shared by schema, zod and UI. */
export const PROGRESS_STAGES = [
  "scheduled",
  "rescheduled",
  "cancelled",
  "no_show",
  "generating_report",
  "report_generated",
  "payment_received",
] as const;
export type ProgressStage = (typeof PROGRESS_STAGES)[number];

export const BOOKING_STATUSES = ["active", "closed", "archived"] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export const APPOINTMENT_TYPES = ["in_person", "telehealth"] as const;
export type AppointmentType = (typeof APPOINTMENT_TYPES)[number];

export const BOOKING_SOURCES = ["portal", "acuity_direct"] as const;
export type BookingSource = (typeof BOOKING_SOURCES)[number];

export const DOCUMENT_CATEGORIES = ["consent_form", "brief", "report", "dictation", "other"] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/** SQL list literal for a CHECK (... IN (...)) — values are our own constants, never input. */
export const sqlList = (values: readonly string[]) => values.map((v) => `'${v}'`).join(", ");
