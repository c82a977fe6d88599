-- The homes' owed and overdue reports (lib/homes, issue 15) walk these in due-day order. The
-- indexes of migration 0014 hold every booking in an owed stage whatever its status, so at a large
-- provider's size an overdue list waded through tens of thousands of closed and archived rows
-- (44,412 before the first active one, 3.1 s, in bench/homes.ts) to find six: owed reports are
-- only those of active bookings. The literals match lib/homes/shared.ts (inOwedStages, status).
CREATE INDEX IF NOT EXISTS idx_bookings_report_owed_active_organization ON bookings (organization_id, report_due_on)
    WHERE current_progress IN ('scheduled', 'rescheduled', 'generating_report') AND status = 'active';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_report_owed_active_specialist ON bookings (specialist_id, report_due_on)
    WHERE current_progress IN ('scheduled', 'rescheduled', 'generating_report') AND status = 'active';
