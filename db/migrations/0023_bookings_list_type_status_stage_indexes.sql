-- The Type filter, and the Status filter's tab counts, at a large provider's size (issue 14:
-- 1,000,000 bookings, organizations of ≈ 333,000). A scope that books one type almost only (an
-- insurer whose examinations are all in person) asking for the other walked its whole date index
-- to find the few: 9 telehealth bookings among Northwind's 196,000 live ones cost ≈ 120 ms of
-- PostgreSQL a page — 16–20× the sign-in page for the referrer and the owner. With the type a key
-- before the date (as 0022 did for the status), the walk starts at that type's first booking in
-- date order and stops at the page. Where a type is common the date walk of 0022's indexes stays
-- as cheap, and the planner keeps it.
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_type ON bookings (organization_id, appointment_type, appointment_date, id)
    INCLUDE (current_progress, team_id, created_by_id, created_for_id) WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_type ON bookings (specialist_id, appointment_type, appointment_date, id)
    INCLUDE (current_progress, organization_id) WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_type ON bookings (appointment_type, appointment_date, id)
    INCLUDE (current_progress) WHERE status <> 'archived';
--> statement-breakpoint
-- The Cancelled tab's count under a Status filter ("closed": the old bookings). The count walked
-- the cancelled stage's date index from today backwards, past every live cancelled booking, to
-- reach the closed ones at the far end — 60,424 entries for the admin (12–20 ms a page; 8–9 ms
-- for the owner and the referrer). The planner cannot know that closed bookings all sit at one
-- end of that order. Keyed by status, then stage, then date, the count is one range: ≈ 1 ms.
CREATE INDEX IF NOT EXISTS idx_bookings_status_progress ON bookings (status, current_progress, appointment_date, id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_organization_status_progress ON bookings (organization_id, status, current_progress, appointment_date, id)
    INCLUDE (team_id, created_by_id, created_for_id);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_specialist_status_progress ON bookings (specialist_id, status, current_progress, appointment_date, id);
