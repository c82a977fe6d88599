-- The Cancelled tab's count (and list) under a Type filter, at a large provider's size (issue 14:
-- 1,000,000 bookings, organizations of ≈ 333,000). Northwind has 2 cancelled telehealth bookings
-- among 36,369 cancelled ones; the planner, taking organization and type as independent, expects a
-- third of them to be telehealth and walked the stage's index (organization, stage, date) past all
-- 36,367 others — 9–12 ms a page, the largest part of the database's share of a type-filtered page.
-- Keyed by scope, type and date over the cancelled bookings only, the count is one range (0.03 ms)
-- and the indexes are small (14, 11 and 6 MB at that size: about one booking in six is cancelled),
-- touched only by bookings that are or were cancelled.
CREATE INDEX IF NOT EXISTS idx_bookings_cancelled_organization_type ON bookings (organization_id, appointment_type, appointment_date, id)
    INCLUDE (team_id, created_by_id, created_for_id) WHERE current_progress = 'cancelled' AND status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_cancelled_specialist_type ON bookings (specialist_id, appointment_type, appointment_date, id)
    INCLUDE (organization_id) WHERE current_progress = 'cancelled' AND status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_cancelled_type ON bookings (appointment_type, appointment_date, id)
    WHERE current_progress = 'cancelled' AND status <> 'archived';
