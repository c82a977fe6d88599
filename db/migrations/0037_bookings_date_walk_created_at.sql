-- Upcoming sorted by creation, oldest first (issue 14: 1,000,000 bookings; bench:list-sweep). The
-- creation-order walk tested each booking's date, and the oldest-created bookings are the past ones:
-- an administrator's first page passed 500,049 entries before its first upcoming booking (117–167 ms;
-- an insurer's 35–53, a specialist's 22–25), and the walk grows with the history kept. The page now
-- reads the Upcoming bookings in date order (bounded by how far ahead the business books, not by its
-- history) and keeps the oldest-created (lib/bookings/list-bookings.ts, pickedByCreationFromDates):
-- the date-walk indexes — by scope and date, and by scope, stage and date for a Progress filter —
-- carry the creation time too, so that read stays index-only (≈ 25 ms for an administrator's 70,000
-- upcoming bookings, 8–10 for an insurer's, 4–5 for a specialist's). Rebuilt as 0035 wrote them,
-- with created_at first in INCLUDE.
DROP INDEX IF EXISTS idx_bookings_live_date_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_date_filtered ON bookings (appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (created_at, current_progress, status, organization_id, team_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_organization_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_filtered ON bookings (organization_id, appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (created_at, current_progress, status, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_specialist_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_filtered ON bookings (specialist_id, appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (created_at, current_progress, status, organization_id, team_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_progress_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_progress_filtered ON bookings (current_progress, appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (created_at, status, organization_id, team_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_organization_progress_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_progress_filtered ON bookings (organization_id, current_progress, appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (created_at, status, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_specialist_progress_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_progress_filtered ON bookings (specialist_id, current_progress, appointment_date, id, (CASE WHEN octet_length(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) <= 300 THEN lower(examinee_name || chr(10) || coalesce(claim_number, '') || chr(10) || coalesce(case_manager_reference, '')) END)) INCLUDE (created_at, status, organization_id, team_id, appointment_type, source, examinee_name, claim_number, case_manager_reference) WHERE status <> 'archived';
