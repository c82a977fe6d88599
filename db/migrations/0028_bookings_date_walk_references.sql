-- A broad search's page in an organization's view (issue 14: 1,000,000 bookings, organizations of
-- ≈ 333,000). When a search matches more than the count's cap, its rows are found by walking the
-- organization's date index until the page is full — and the walk's filter tests the claim number
-- and the case manager's reference beside the name, which the index did not carry: each entry
-- passed was read from the table. For a team member, whose view ORs their teams and their own
-- bookings, the planner then judged the walk dearer than fetching every match and sorting them:
-- "brenn" on the Upcoming tab (the default) cost ≈ 24 ms — a bitmap of the platform's 87,000
-- upcoming bookings and the 9,791 matches — where the walk, index-only with these two columns,
-- takes ≈ 0.3 ms. The stage-keyed index carries them too, or a search with a Progress filter would
-- walk every stage's bookings index-only rather than the stage's own. Each index grows ≈ 5%.
-- (A specialist's view is one range, walked already; the platform admin's indexes are unchanged.)
DROP INDEX IF EXISTS idx_bookings_live_organization_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_filtered ON bookings (organization_id, appointment_date, id)
    INCLUDE (current_progress, status, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference)
    WHERE status <> 'archived';
--> statement-breakpoint
DROP INDEX IF EXISTS idx_bookings_live_organization_progress_filtered;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_progress_filtered ON bookings (organization_id, current_progress, appointment_date, id)
    INCLUDE (status, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source, examinee_name, claim_number, case_manager_reference)
    WHERE status <> 'archived';
