-- A search of one scope's bookings (issue 14: 1,000,000 bookings, organizations of ≈ 333,000,
-- specialists of ≈ 167,000; `npm run bench:http`).
--
-- A name search ("brenn") was the platform's trigram index — 50,000 matches, 18 ms to gather —
-- ANDed with the organization's index (195,000 entries, 12 ms) before one row was read: 36–48 ms
-- of PostgreSQL for the tab counts alone, the most of any page. These carry the scope and the
-- progress stage beside the name's trigrams (btree_gin makes the plain columns GIN keys), so one
-- GIN scan finds only the scope's matches — 9,791 in 8–11 ms — and a progress filter with a search
-- ("paid" and "kowal") narrows inside the same scan instead of reading the table to filter.
-- The platform-wide index stays for the admin's searches; phone, claim and reference keep theirs.
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_search ON bookings
    USING gin (organization_id, current_progress, examinee_name gin_trgm_ops) WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_search ON bookings
    USING gin (specialist_id, current_progress, examinee_name gin_trgm_ops) WHERE status <> 'archived';
