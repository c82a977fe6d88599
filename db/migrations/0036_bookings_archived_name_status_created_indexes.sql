-- One Status asked for, sorted by name or by creation (issue 14: 1,000,000 bookings, 412,505 of them
-- archived, 250,004 closed; bench:list-sweep).
--
-- By name: the name-order indexes were for live bookings only (0018, 0022), so with Status
-- "archived" a page walked the table's old global name index (idx_bookings_search) testing each
-- entry's organization and status — a referrer's archived bookings by name 344–348 ms, wherever the
-- view held more than the few hundred a page is picked from by id (list-booking-page.ts). These are
-- the live ones' twins inside the archive.
CREATE INDEX IF NOT EXISTS idx_bookings_archived_organization_name ON bookings (organization_id, examinee_name, id)
    INCLUDE (appointment_date, current_progress, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source)
    WHERE status = 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_archived_specialist_name ON bookings (specialist_id, examinee_name, id)
    INCLUDE (appointment_date, current_progress, organization_id, team_id, appointment_type, source)
    WHERE status = 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_archived_name ON bookings (examinee_name, id)
    INCLUDE (appointment_date, current_progress, organization_id, team_id, specialist_id, appointment_type, source)
    WHERE status = 'archived';
--> statement-breakpoint
-- By creation: closed and archived bookings are the old ones, so newest-created first walked every
-- newer active booking before the first closed one (an administrator's closed bookings 92–105 ms,
-- 337,557 entries passed), and archived ones are in no creation-order index at all (193–234 ms).
-- Keyed by scope and status before the creation time, as 0022's are before the date: the walk
-- stays inside the one status asked for, whichever it is.
CREATE INDEX IF NOT EXISTS idx_bookings_organization_status_created ON bookings (organization_id, status, created_at, id)
    INCLUDE (appointment_date, current_progress, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_specialist_status_created ON bookings (specialist_id, status, created_at, id)
    INCLUDE (appointment_date, current_progress, organization_id, team_id, appointment_type, source);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_status_created ON bookings (status, created_at, id)
    INCLUDE (appointment_date, current_progress, organization_id, team_id, specialist_id, appointment_type, source);
