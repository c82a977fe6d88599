-- A search walked in date order tests each booking it passes (issue 14: 1,000,000 bookings): a common
-- fragment's count ("bre": 5,038 live bookings walked for 251 matches), two letters ("ma", a word of
-- the name starting with them), a search's rows past its count's cap. Its case-insensitive tests
-- were most of that walk's cost: ILIKE (and ~*) case-fold each text on every row — the name, claim
-- number and reference ≈ 0.5 µs a booking, five times the index entry's own read. These date-walk
-- indexes (0028, 0031, 0033) now also hold the three lower-cased on three lines, as a last key
-- column, so an index-only walk reads them folded and tests them with one plain LIKE
-- (lib/bookings/search-row-test.ts, foldedSearchText, writes the same expression).
-- Past 300 bytes the text is not held (NULL: the test falls back to the ILIKEs): the index's entry
-- must stay under btree's 2,704 bytes beside the INCLUDEd name, claim number and reference.
DROP INDEX IF EXISTS idx_bookings_archived_date_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_archived_date_filtered ON bookings (appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (current_progress, organization_id, team_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status = 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_archived_organization_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_archived_organization_filtered ON bookings (organization_id, appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (current_progress, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status = 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_archived_specialist_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_archived_specialist_filtered ON bookings (specialist_id, appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (current_progress, organization_id, team_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status = 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_date_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_date_filtered ON bookings (appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (current_progress, status, organization_id, team_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_organization_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_filtered ON bookings (organization_id, appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (current_progress, status, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_organization_progress_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_progress_filtered ON bookings (organization_id, current_progress, appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (status, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_progress_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_progress_filtered ON bookings (current_progress, appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (status, organization_id, team_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_specialist_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_filtered ON bookings (specialist_id, appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (current_progress, status, organization_id, team_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_specialist_progress_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_progress_filtered ON bookings (specialist_id, current_progress, appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (status, organization_id, team_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status <> 'archived';
