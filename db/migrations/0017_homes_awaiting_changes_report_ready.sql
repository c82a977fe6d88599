-- The homes at a large provider's size (issue 15; `npm run bench:homes`, 1,000,000 bookings).
--
-- Examinations still ahead or awaiting confirmation (scheduled / rescheduled) of active bookings,
-- in date order: "papers missing" (organization), "briefs missing" and "attendance to confirm"
-- (specialist) walk these and stop at their LIMIT. Without them the planner combined two
-- bitmaps, probed every candidate's documents and sorted (300 ms for six rows of an organization;
-- 450 ms for a specialist's empty "attendance to confirm", which read every owed report). The
-- literals match lib/homes/shared.ts (isAwaiting, isActive); the organization index carries what
-- a team member's visibility tests (team, creator), as migration 0015's do.
CREATE INDEX IF NOT EXISTS idx_bookings_awaiting_organization ON bookings (organization_id, appointment_date, id)
    INCLUDE (team_id, created_by_id, created_for_id)
    WHERE current_progress IN ('scheduled', 'rescheduled') AND status = 'active';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_awaiting_specialist ON bookings (specialist_id, appointment_date, id)
    WHERE current_progress IN ('scheduled', 'rescheduled') AND status = 'active';
--> statement-breakpoint
-- Two facts of a booking's progress history, kept on the booking so the homes read an index
-- instead of the history:
--   last_progress_at — when its latest progress row was written ("changed by the specialist's
--     side" walks the organization's recently changed bookings, not every reschedule on the
--     platform joined back to its booking);
--   report_ready_at — when the report was last marked ready ('report_generated'), while no later
--     row has moved the booking back before it (a later 'payment_received' keeps it; any other
--     stage clears it): the turnaround chart's "marked ready" time, read from one index instead of
--     a sequential scan of bookings joined to the whole history.
ALTER TABLE bookings ADD COLUMN IF NOT EXISTS last_progress_at timestamp with time zone;
--> statement-breakpoint
ALTER TABLE bookings ADD COLUMN IF NOT EXISTS report_ready_at timestamp with time zone;
--> statement-breakpoint
-- The history is written only by INSERT (no code updates or deletes a progress row), whoever
-- writes it — portal, webhook, reconciliation, seed — so an AFTER INSERT trigger keeps both
-- columns. It recomputes them from the booking's whole history (a handful of rows), so a row
-- written late with an older time changes nothing it should not. The backfill below is the same
-- rule over every booking.
CREATE OR REPLACE FUNCTION booking_progress_keep_booking_marks()
RETURNS TRIGGER AS $$
DECLARE
    last_at timestamptz;
    ready_at timestamptz;
    back_at timestamptz;
BEGIN
    SELECT max(p.created_at),
           max(p.created_at) FILTER (WHERE p.progress = 'report_generated'),
           max(p.created_at) FILTER (WHERE p.progress NOT IN ('report_generated', 'payment_received'))
      INTO last_at, ready_at, back_at
      FROM booking_progress p
     WHERE p.booking_id = NEW.booking_id;
    IF back_at > ready_at THEN
        ready_at := NULL;
    END IF;
    UPDATE bookings
       SET last_progress_at = last_at, report_ready_at = ready_at
     WHERE id = NEW.booking_id
       AND (last_progress_at IS DISTINCT FROM last_at OR report_ready_at IS DISTINCT FROM ready_at);
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER booking_progress_keep_booking_marks
    AFTER INSERT ON booking_progress
    FOR EACH ROW EXECUTE FUNCTION booking_progress_keep_booking_marks();
--> statement-breakpoint
-- Existing bookings get both marks without looking updated.
ALTER TABLE bookings DISABLE TRIGGER update_bookings_updated_at;
--> statement-breakpoint
UPDATE bookings b
   SET last_progress_at = m.last_at,
       report_ready_at = CASE WHEN m.back_at > m.ready_at THEN NULL ELSE m.ready_at END
  FROM (SELECT p.booking_id,
               max(p.created_at) AS last_at,
               max(p.created_at) FILTER (WHERE p.progress = 'report_generated') AS ready_at,
               max(p.created_at) FILTER (WHERE p.progress NOT IN ('report_generated', 'payment_received')) AS back_at
          FROM booking_progress p
         GROUP BY p.booking_id) m
 WHERE b.id = m.booking_id;
--> statement-breakpoint
ALTER TABLE bookings ENABLE TRIGGER update_bookings_updated_at;
--> statement-breakpoint
-- "Changed by the specialist's side": an organization's bookings now rescheduled or cancelled,
-- latest change first, carrying what a team member's visibility tests.
CREATE INDEX IF NOT EXISTS idx_bookings_changed_organization ON bookings (organization_id, last_progress_at, id)
    INCLUDE (team_id, created_by_id, created_for_id)
    WHERE current_progress IN ('rescheduled', 'cancelled') AND status <> 'archived';
--> statement-breakpoint
-- The turnaround chart: a specialist's reports marked ready in a month, with the examination
-- time the median needs (an index-only range per specialist and month).
CREATE INDEX IF NOT EXISTS idx_bookings_report_ready_specialist ON bookings (specialist_id, report_ready_at)
    INCLUDE (appointment_date)
    WHERE report_ready_at IS NOT NULL;
--> statement-breakpoint
-- Status and stage are correlated (every scheduled or rescheduled booking is active), which the
-- planner cannot know from single-column statistics: it took "active ∧ awaiting" for a handful
-- of rows, preferred a bitmap of two indexes and a sort over walking the awaiting index and
-- stopping (a specialist's "briefs missing" count: 440 ms instead of 1 ms). Their joint
-- distribution tells it.
CREATE STATISTICS IF NOT EXISTS bookings_status_progress (mcv) ON status, current_progress FROM bookings;
--> statement-breakpoint
ANALYZE bookings;
