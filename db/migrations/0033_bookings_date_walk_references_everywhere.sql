-- The platform's and a specialist's date indexes carry the claim number and the case manager's
-- reference too, as an organization's have since 0028 (issue 14: 1,000,000 bookings). A search's
-- filter tests both beside the name, so every booking a walk passed in these indexes was read from
-- the table — a page of its own for nearly each one, ≈ 4–5 µs a booking under load against ≈ 1.5
-- index-only. Walks are how a broad search's page is found, and how a common fragment is counted
-- (lib/bookings/common-name-trigrams.ts): a specialist's "ber" walked ≈ 1,360 bookings from the
-- table, ≈ 25 ms under EXPLAIN, and so was left to its 15,000-entry trigram key. The stage-keyed
-- ones carry them too, or a search with a Progress filter would walk the unstaged index instead.
DROP INDEX IF EXISTS idx_bookings_live_date_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_date_filtered ON bookings (appointment_date, id)
    INCLUDE (current_progress, status, organization_id, team_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference)
    WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_progress_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_progress_filtered ON bookings (current_progress, appointment_date, id)
    INCLUDE (status, organization_id, team_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference)
    WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_specialist_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_filtered ON bookings (specialist_id, appointment_date, id)
    INCLUDE (current_progress, status, organization_id, team_id, appointment_type, source, examinee_name, claim_number, case_manager_reference)
    WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_specialist_progress_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_progress_filtered ON bookings (specialist_id, current_progress, appointment_date, id)
    INCLUDE (status, organization_id, team_id, appointment_type, source, examinee_name, claim_number, case_manager_reference)
    WHERE status <> 'archived';
