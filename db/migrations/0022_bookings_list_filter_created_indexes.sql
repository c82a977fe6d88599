-- The bookings list's filters and its Created sort at a large provider's size (issue 14: 1,000,000
-- bookings, organizations of ≈ 333,000, specialists of ≈ 167,000; measured over HTTP, one request
-- at a time, before → after).
--
-- A filter the date walk could not test inside the index read the table for every entry it passed:
-- an insurer's telehealth bookings (9 of its 196,000 live ones) walked the whole organization
-- through the heap — 1.0–1.7 s a page for the referrer and the owner; status "closed" 0.2–1.2 s.
-- The date-order indexes of 0018 again, carrying every column the table's filters test (stage,
-- status, team, the referrer's own bookings, specialist or organization, type, source), so any
-- filter is an index-only walk that stops at the page's rows and the count's cap — and where
-- nothing matches, a walk of the scope's index alone: 70–90 ms for that referrer.
-- Same keys and predicate, more INCLUDEd: every plan the old ones served, these serve.
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_filtered ON bookings (organization_id, appointment_date, id)
    INCLUDE (current_progress, status, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source, examinee_name)
    WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_organization_named;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_filtered ON bookings (specialist_id, appointment_date, id)
    INCLUDE (current_progress, status, organization_id, team_id, appointment_type, source, examinee_name)
    WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_specialist_named;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_date_filtered ON bookings (appointment_date, id)
    INCLUDE (current_progress, status, organization_id, team_id, specialist_id, appointment_type, source, examinee_name)
    WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_date_named;
--> statement-breakpoint
-- Sorting by Created (when the booking was made — "what came in lately"): with no index in that
-- order the planner read and sorted a whole scope to show 25 rows, 0.3–0.55 s for every persona.
-- These walk one scope's live bookings in creation order, testing the views and filters inside
-- the index: 24–43 ms. (Nulls — bookings made before the column — sort first descending, last
-- ascending, as the index reads them either way.)
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_created ON bookings (organization_id, created_at, id)
    INCLUDE (appointment_date, current_progress, status, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source)
    WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_created ON bookings (specialist_id, created_at, id)
    INCLUDE (appointment_date, current_progress, status, organization_id, team_id, appointment_type, source)
    WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_created ON bookings (created_at, id)
    INCLUDE (appointment_date, current_progress, status, organization_id, team_id, specialist_id, appointment_type, source)
    WHERE status <> 'archived';
--> statement-breakpoint
-- One Status asked for ("closed", "archived"): walked inside that status, in date order, whatever
-- the scope. Closed and archived bookings are the old ones, so a walk of the live indexes met every
-- newer booking first — and archived ones are in none of them: "archived" read the table for each
-- of a scope's bookings, 0.6–1.7 s a page (the admin's "closed" 0.8–1.2 s). With the status a key
-- before the date, the view's date bound is a bound of the walk too (no upcoming closed booking
-- is found at once, not after walking every upcoming one): 25–45 ms a page for every persona.
CREATE INDEX IF NOT EXISTS idx_bookings_organization_status ON bookings (organization_id, status, appointment_date, id)
    INCLUDE (current_progress, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_specialist_status ON bookings (specialist_id, status, appointment_date, id)
    INCLUDE (current_progress, organization_id, team_id, appointment_type, source);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_status_date ON bookings (status, appointment_date, id)
    INCLUDE (current_progress, organization_id, team_id, specialist_id, appointment_type, source);
--> statement-breakpoint
-- 0018's name-order and stage-order indexes, likewise carrying every column a filter tests: the
-- name sort with a filter that matches little (the insurer's telehealth bookings) read the table
-- for each entry, 0.9–1.4 s → 0.17 s. Sorting by progress orders each stage by the appointment now
-- (lib/bookings/list-bookings.ts), the order these walk. Same keys and predicates, more INCLUDEd.
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_name_filtered ON bookings (organization_id, examinee_name, id)
    INCLUDE (appointment_date, current_progress, status, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source)
    WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_organization_name;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_name_filtered ON bookings (specialist_id, examinee_name, id)
    INCLUDE (appointment_date, current_progress, status, organization_id, team_id, appointment_type, source)
    WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_specialist_name;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_name_filtered ON bookings (examinee_name, id)
    INCLUDE (appointment_date, current_progress, status, organization_id, team_id, specialist_id, appointment_type, source)
    WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_name;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_progress_filtered ON bookings (organization_id, current_progress, appointment_date, id)
    INCLUDE (status, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source, examinee_name)
    WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_organization_progress_named;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_progress_filtered ON bookings (specialist_id, current_progress, appointment_date, id)
    INCLUDE (status, organization_id, team_id, appointment_type, source, examinee_name)
    WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_specialist_progress_named;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_progress_filtered ON bookings (current_progress, appointment_date, id)
    INCLUDE (status, organization_id, team_id, specialist_id, appointment_type, source, examinee_name)
    WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_progress_named;
