-- A name search among archived bookings (the Status filter's "Archived", issue 14). The scoped
-- trigram indexes of 0026, 0027 and 0029 hold live bookings only, so such a search read the plain
-- trigram index — and for a name the column's statistics call common ("brenn", "ber") the planner
-- read `bookings` sequentially until a count's cap of matches turned up (at 1,000,000 bookings,
-- 412,505 of them archived: every persona's archived "ber"). The same keys over archived bookings
-- serve those searches. Partial, as the live ones are: a search of live bookings must not read
-- archived entries, and an index over both would be chosen for it whenever it looked smaller.
-- lib/bookings/booking-list-query.ts (scopedNameTrigrams) writes the same expressions, word for word.
CREATE INDEX IF NOT EXISTS idx_bookings_archived_organization_name_tokens ON bookings
    USING gin (scoped_trigrams(organization_id, examinee_name)) WHERE status = 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_archived_specialist_name_tokens ON bookings
    USING gin (scoped_trigrams(specialist_id, examinee_name)) WHERE status = 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_archived_platform_name_tokens ON bookings
    USING gin (scoped_trigrams('platform', examinee_name)) WHERE status = 'archived';
