-- The bookings list's slow shapes at a large provider's size (issue 14: 1,000,000 bookings,
-- organizations of ≈ 333,000, specialists of ≈ 167,000; `npm run bench:bookings`).
--
-- Sorting by examinee name: with only date indexes the planner sorted a whole organization (or
-- specialist) to show 25 rows (1–4.6 s). These walk one scope's live bookings in name order, as
-- 0015's walk them in date order; the INCLUDEd columns are what the views and the referrer's
-- visibility test, so rows the page does not show are skipped inside the index.
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_name ON bookings (organization_id, examinee_name, id)
    INCLUDE (appointment_date, current_progress, team_id, created_by_id, created_for_id) WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_name ON bookings (specialist_id, examinee_name, id)
    INCLUDE (appointment_date, current_progress) WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_name ON bookings (examinee_name, id)
    INCLUDE (appointment_date, current_progress) WHERE status <> 'archived';
--> statement-breakpoint
-- 0015's date-order indexes again, now carrying the examinee's name, so a search the trigram
-- index cannot narrow to a scope is counted and paged by an index-only walk in date order that
-- stops at the cap (1,000 for two letters). Two letters at the start of a word: "ko" was 50,000
-- trigram rows platform-wide, fetched from the table to keep one organization's 16,000 (0.8–3 s
-- per tab count). In name order the same walk met the matching names late (136,000 rows before
-- the first "Li…"), so it is the date order.
-- Same keys and predicate, more INCLUDEd: every plan the old ones served, these serve.
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_named ON bookings (organization_id, appointment_date, id)
    INCLUDE (current_progress, team_id, created_by_id, created_for_id, examinee_name) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_organization;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_progress_named ON bookings (organization_id, current_progress, appointment_date, id)
    INCLUDE (team_id, created_by_id, created_for_id, examinee_name) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_organization_progress;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_named ON bookings (specialist_id, appointment_date, id)
    INCLUDE (current_progress, examinee_name) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_specialist;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_progress_named ON bookings (specialist_id, current_progress, appointment_date, id)
    INCLUDE (examinee_name) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_specialist_progress;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_date_named ON bookings (appointment_date, id)
    INCLUDE (current_progress, examinee_name) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_date;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_progress_named ON bookings (current_progress, appointment_date, id)
    INCLUDE (examinee_name) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_progress;
