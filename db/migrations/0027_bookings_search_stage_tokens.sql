-- A name search with a Progress filter by a viewer with a scope (issue 14: 1,000,000 bookings,
-- organizations of ≈ 333,000). 0026's keys (the scope, then the trigram) hold every stage's
-- bookings: "kowal" in "payment received" fetched all 9,793 of one insurer's Kowal… bookings to
-- test their stage and found none (≈ 16 ms), "brenn" in "scheduled" fetched 9,791 (≈ 25 ms). Keyed
-- by the scope and the stage ("<organization id>/payment_received:kow"), a search with stages asks
-- only for theirs: ≈ 1 ms. lib/bookings/booking-list-query.ts (scopedNameTrigrams) writes the same
-- expression, word for word, so the planner matches it to these indexes.
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_stage_name_tokens ON bookings
    USING gin (scoped_trigrams(organization_id || '/' || current_progress, examinee_name)) WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_stage_name_tokens ON bookings
    USING gin (scoped_trigrams(specialist_id || '/' || current_progress, examinee_name)) WHERE status <> 'archived';
