-- A platform admin's name search with a Progress filter (issue 14: 1,000,000 bookings). 0029 keyed
-- the admin's name trigrams by the platform alone, so "kowal" in "payment received" read every live
-- Kowal… booking's entries (29,377) to keep the 11,914 in that stage — the slowest `/bookings`
-- shape of the benchmark (p95 260 ms at 8 connections, PostgreSQL ≈ 18 ms a page). Keyed by the
-- platform and the stage ("platform/payment_received:kow"), as 0027 keys an organization's and a
-- specialist's, the count reads only that stage's entries (≈ 24 → 13 ms under EXPLAIN ANALYZE).
-- lib/bookings/booking-list-query.ts (scopedNameTrigrams) writes the same expression ('platform' || '/', folded).
CREATE INDEX IF NOT EXISTS idx_bookings_live_platform_stage_name_tokens ON bookings
    USING gin (scoped_trigrams('platform/' || current_progress, examinee_name)) WHERE status <> 'archived';
