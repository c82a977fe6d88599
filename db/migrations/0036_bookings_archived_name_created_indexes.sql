-- Archived bookings sorted by name or by creation (issue 14: 1,000,000 bookings, 412,505 of them
-- archived; bench:list-sweep). The name and Created orders had indexes for live bookings only
-- (0018, 0022): with Status "archived" a page walked the table's old global name index
-- (idx_bookings_search) testing each entry's organization and status — a referrer's archived
-- bookings by name 344–348 ms, by creation 193–234 ms, an administrator's 145 ms — wherever the
-- view held more than the few hundred a page is picked from by id (list-booking-page.ts). These
-- are the live ones' twins inside the archive: one scope's archived bookings in that order, with
-- every column a filter or the viewer's scope tests INCLUDEd, so the walk is index-only and stops
-- at the page's rows.
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
CREATE INDEX IF NOT EXISTS idx_bookings_archived_organization_created ON bookings (organization_id, created_at, id)
    INCLUDE (appointment_date, current_progress, team_id, created_by_id, created_for_id, specialist_id, appointment_type, source)
    WHERE status = 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_archived_specialist_created ON bookings (specialist_id, created_at, id)
    INCLUDE (appointment_date, current_progress, organization_id, team_id, appointment_type, source)
    WHERE status = 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_archived_created ON bookings (created_at, id)
    INCLUDE (appointment_date, current_progress, organization_id, team_id, specialist_id, appointment_type, source)
    WHERE status = 'archived';
