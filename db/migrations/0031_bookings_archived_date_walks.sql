-- Archived bookings walked in date order (issue 14: 1,000,000 bookings, 412,505 archived). A list
-- or search among archived bookings picks its page by walking a date index from the newest — and
-- archived bookings are the old ones: walked through an index of every booking (organization_id,
-- appointment_date), a page of an insurer's archived "brenn" passed 196,343 live bookings first,
-- each read from the table (≈ 430 ms), two letters ("ma") ≈ 600 ms, the platform admin's ≈ 1.2 s.
-- These hold archived bookings only, with the columns a search's filter reads, so the walk starts
-- at the newest archived booking and never leaves the index (≈ 1 ms) — as the live ones of
-- 0015/0018/0028 do for live bookings.
CREATE INDEX IF NOT EXISTS idx_bookings_archived_organization_filtered ON bookings
    (organization_id, appointment_date, id)
    INCLUDE (current_progress, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source,
             examinee_name, claim_number, case_manager_reference)
    WHERE status = 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_archived_specialist_filtered ON bookings
    (specialist_id, appointment_date, id)
    INCLUDE (current_progress, organization_id, team_id, appointment_type, source, examinee_name, claim_number,
             case_manager_reference)
    WHERE status = 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_archived_date_filtered ON bookings
    (appointment_date, id)
    INCLUDE (current_progress, organization_id, team_id, specialist_id, appointment_type, source, examinee_name,
             claim_number, case_manager_reference)
    WHERE status = 'archived';
