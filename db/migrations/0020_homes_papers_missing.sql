-- "Papers missing" at a large insurer's size (issue 14; `npm run bench:http`, 1,000,000 bookings).
--
-- The referrer's home counts upcoming examinations whose brief or consent form is not in. It
-- walked the organization's awaiting examinations in date order probing each one's documents,
-- and where nearly every examination has its papers — as it should be — the walk read all of
-- them to find the few that do not: 23,322 bookings, 290 ms a home. The booking now carries
-- whether it has each paper, kept by the database whoever writes the documents, and partial
-- indexes hold only the awaiting bookings missing one.
ALTER TABLE "bookings" ADD COLUMN IF NOT EXISTS "has_brief" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN IF NOT EXISTS "has_consent_form" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Recomputed from the booking's documents (a handful of rows) on every insert, delete or move of
-- one: exactly what the lists' probes (lib/homes/shared.ts, hasDocument) read. The booking row
-- is locked first and the documents read after, in a statement of its own: two papers uploaded
-- at once in two transactions would otherwise each see only its own and the later write would
-- take the other's back.
CREATE OR REPLACE FUNCTION documents_keep_booking_papers()
RETURNS TRIGGER AS $$
DECLARE
    target varchar;
BEGIN
    FOR target IN
        SELECT DISTINCT t.id
          FROM unnest(ARRAY[CASE WHEN TG_OP <> 'DELETE' THEN NEW.booking_id END,
                            CASE WHEN TG_OP <> 'INSERT' THEN OLD.booking_id END]) AS t(id)
         WHERE t.id IS NOT NULL
    LOOP
        PERFORM 1 FROM bookings WHERE id = target FOR UPDATE;
        UPDATE bookings b
           SET has_brief = p.brief, has_consent_form = p.consent
          FROM (SELECT EXISTS (SELECT 1 FROM documents d WHERE d.booking_id = target AND d.category = 'brief') AS brief,
                       EXISTS (SELECT 1 FROM documents d WHERE d.booking_id = target AND d.category = 'consent_form') AS consent) p
         WHERE b.id = target
           AND (b.has_brief IS DISTINCT FROM p.brief OR b.has_consent_form IS DISTINCT FROM p.consent);
    END LOOP;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS documents_keep_booking_papers ON documents;
--> statement-breakpoint
CREATE TRIGGER documents_keep_booking_papers
    AFTER INSERT OR DELETE OR UPDATE OF booking_id, category ON documents
    FOR EACH ROW EXECUTE FUNCTION documents_keep_booking_papers();
--> statement-breakpoint
-- Existing bookings get their papers without looking updated.
ALTER TABLE bookings DISABLE TRIGGER update_bookings_updated_at;
--> statement-breakpoint
UPDATE bookings b
   SET has_brief = p.brief, has_consent_form = p.consent
  FROM (SELECT d.booking_id,
               bool_or(d.category = 'brief') AS brief,
               bool_or(d.category = 'consent_form') AS consent
          FROM documents d
         WHERE d.category IN ('brief', 'consent_form')
         GROUP BY d.booking_id) p
 WHERE b.id = p.booking_id;
--> statement-breakpoint
ALTER TABLE bookings ENABLE TRIGGER update_bookings_updated_at;
--> statement-breakpoint
-- An organization's awaiting examinations missing a paper, in date order, carrying what a team
-- member's visibility tests (as 0017's idx_bookings_awaiting_organization). The literals match
-- lib/homes/shared.ts (isAwaiting, isActive, papersMissing).
CREATE INDEX IF NOT EXISTS idx_bookings_papers_missing_organization ON bookings (organization_id, appointment_date, id)
    INCLUDE (team_id, created_by_id, created_for_id)
    WHERE current_progress IN ('scheduled', 'rescheduled') AND status = 'active'
      AND (NOT has_brief OR NOT has_consent_form);
--> statement-breakpoint
-- A specialist's awaiting examinations without a brief ("briefs missing").
CREATE INDEX IF NOT EXISTS idx_bookings_brief_missing_specialist ON bookings (specialist_id, appointment_date, id)
    WHERE current_progress IN ('scheduled', 'rescheduled') AND status = 'active' AND NOT has_brief;
--> statement-breakpoint
ANALYZE bookings;
