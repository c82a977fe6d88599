-- A platform admin's name search (issue 14: 1,000,000 bookings). An admin has no scope to key the
-- name's trigrams by (0026), so the search read the plain trigram index — and the planner, which
-- knows from the column's statistics that "brenn", "kowal" or "ber" match thousands, chose to read
-- `bookings` sequentially until a count's cap of matches turned up: cheap while they are as common
-- as it believes, but a whole-table scan of a million rows whenever the matches are fewer (a name
-- common only among archived bookings). Keyed by one constant scope ("platform:bre"), the admin's
-- search reads the same posting lists through a GIN expression index whose selectivity the planner
-- takes from its keys, as it does for every other viewer's scoped search: never a sequential scan.
-- lib/bookings/booking-list-query.ts (scopedNameTrigrams) writes the same expression, word for word.
CREATE INDEX IF NOT EXISTS idx_bookings_live_platform_name_tokens ON bookings
    USING gin (scoped_trigrams('platform', examinee_name)) WHERE status <> 'archived';
