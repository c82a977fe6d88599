-- Search as you type: examinee name (any part, case-insensitive) and phone (digits, any part).
-- Trigram GIN indexes serve ILIKE '%…%' without scanning bookings.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_examinee_name_trgm ON bookings USING gin (examinee_name gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_examinee_phone_trgm ON bookings USING gin (examinee_phone gin_trgm_ops);
