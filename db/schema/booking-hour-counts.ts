import { index, integer, pgTable, timestamp, varchar } from "drizzle-orm/pg-core";
import { PROGRESS_STAGES } from "./enums";

/**
 * Live (not archived) bookings per hour of their examination and current stage, kept by the
 * database: migration 0032's statement triggers on `bookings` append each statement's changes as
 * signed counts (+1 a booking that enters an hour and stage, −1 one that leaves it), and
 * foldBookingHourCounts (lib/homes/booking-hour-counts.ts) sums each hour and stage's rows into one
 * on a schedule. An hour and stage's count is the sum of its rows, folded or not. Append-only
 * between folds: no row is updated, so two transactions changing bookings never wait on each
 * other here. The admin's per-week chart sums these instead of walking every booking of its 12 weeks.
 */
export const bookingHourCounts = pgTable(
  "booking_hour_counts",
  {
    /** The examination's hour, truncated in UTC. */
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    stage: varchar("stage", { length: 50, enum: PROGRESS_STAGES }).notNull(),
    n: integer("n").notNull(),
  },
  (t) => [index("idx_booking_hour_counts_hour_stage").on(t.hour, t.stage, t.n)],
);
