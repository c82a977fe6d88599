-- The bookings list at a large provider's size (issue 14/15: organizations of ≈ 333,000 bookings,
-- specialists of ≈ 170,000; `npm run bench:bookings`). Every default list and tab count leaves
-- archived bookings out (`status <> 'archived'`, written as a literal so these partial indexes
-- match), so archived rows are not in these indexes at all: a walk in date order never wades
-- through them. Each index leads with what a persona's visibility fixes (organization,
-- specialist, nothing for an admin), optionally the progress filter, then the date order the
-- list pages in. The INCLUDEd columns are what the views and the referrer's visibility test
-- (stage, team, creator), so a tab's capped count is an index-only scan that stops at 10,001
-- rows instead of a sequential or bitmap scan of bookings.
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization ON bookings (organization_id, appointment_date, id)
    INCLUDE (current_progress, team_id, created_by_id, created_for_id) WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_progress ON bookings (organization_id, current_progress, appointment_date, id)
    INCLUDE (team_id, created_by_id, created_for_id) WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist ON bookings (specialist_id, appointment_date, id)
    INCLUDE (current_progress) WHERE status <> 'archived';
--> statement-breakpoint
-- A specialist's progress filter walked their date index past 33,595 rows to find 26.
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_progress ON bookings (specialist_id, current_progress, appointment_date, id)
    WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_date ON bookings (appointment_date, id)
    INCLUDE (current_progress) WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_progress ON bookings (current_progress, appointment_date, id)
    WHERE status <> 'archived';
--> statement-breakpoint
-- The report indicator and the row's download look up a booking's documents by category.
CREATE INDEX IF NOT EXISTS idx_documents_booking_category ON documents (booking_id, category, created_at);
