-- A name search by a viewer with a scope (an organization's people, a specialist) at a large
-- provider's size (issue 14: 1,000,000 bookings, organizations of ≈ 333,000). The trigram GIN
-- indexes — plain (0003) or with the organization or specialist as a GIN key beside the trigrams
-- (0021) — hold each trigram's posting list for the whole platform: "brenn" read the lists of
-- "bre", "ren" and "enn" (50,000, 114,000 and 50,000 bookings) to find one insurer's 9,791, ≈ 19 ms
-- before any row was read, whatever the scope. Here each trigram is keyed by the scope itself
-- ("<organization id>:bre"), so a search reads only its scope's lists: ≈ 5 ms for the same search.
--
-- scoped_trigrams gives the trigrams of a text's words with no word boundary in them (the ones
-- every text containing those words has: a typed "brenn" is inside "Brennan", whose trigrams
-- include bre, ren and enn), each prefixed with the scope. lib/bookings/booking-list-query.ts
-- asks the index for all of the typed text's and keeps the name's ILIKE for the exact match.
CREATE OR REPLACE FUNCTION scoped_trigrams(scope text, value text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    -- Where pg_trgm was found when this ran: an index's maintenance may run with another path.
    SET search_path FROM CURRENT
    AS $$ SELECT coalesce(array_agg(scope || ':' || t), '{}') FROM unnest(show_trgm(value)) t WHERE position(' ' in t) = 0 $$;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_name_tokens ON bookings
    USING gin (scoped_trigrams(organization_id, examinee_name)) WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_specialist_name_tokens ON bookings
    USING gin (scoped_trigrams(specialist_id, examinee_name)) WHERE status <> 'archived';
