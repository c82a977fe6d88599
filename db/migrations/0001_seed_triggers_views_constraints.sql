-- What drizzle-kit cannot express from the seed contract (shared/seeds/000_*.txt).

-- updated_at maintained by the database, whoever writes the row.
CREATE OR REPLACE FUNCTION update_updated_at_column()
RETURNS TRIGGER AS $$
BEGIN
    NEW.updated_at = CURRENT_TIMESTAMP;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER update_specialists_updated_at BEFORE UPDATE ON specialists
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
--> statement-breakpoint
CREATE TRIGGER update_bookings_updated_at BEFORE UPDATE ON bookings
    FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
--> statement-breakpoint

-- The audit trail is compliance evidence: rows can be added, never changed or removed.
CREATE OR REPLACE FUNCTION audit_logs_append_only()
RETURNS TRIGGER AS $$
BEGIN
    RAISE EXCEPTION 'audit_logs is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_logs_no_update BEFORE UPDATE ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_logs_no_delete BEFORE DELETE ON audit_logs
    FOR EACH ROW EXECUTE FUNCTION audit_logs_append_only();
--> statement-breakpoint
-- TRUNCATE bypasses row triggers; block it too.
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
    FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_append_only();
--> statement-breakpoint

CREATE VIEW active_bookings AS
SELECT
  b.*,
  s.name AS specialist_name,
  s.specialty,
  s.location AS specialist_location,
  o.name AS organization_name,
  t.name AS team_name,
  u.name AS created_by_name,
  i.name AS created_for_name
FROM bookings b
JOIN specialists s ON b.specialist_id = s.id
JOIN organizations o ON b.organization_id = o.id
LEFT JOIN teams t ON b.team_id = t.id
JOIN users u ON b.created_by_id = u.id
LEFT JOIN users i ON b.created_for_id = i.id
WHERE b.status = 'active';
--> statement-breakpoint

CREATE INDEX idx_bookings_composite_filter
  ON bookings (status, appointment_date, specialist_id)
  WHERE status = 'active';
--> statement-breakpoint
CREATE INDEX idx_documents_booking_category
  ON documents (booking_id, category);
--> statement-breakpoint

ALTER TABLE bookings
  ADD CONSTRAINT valid_appointment_date
  CHECK (appointment_date > created_at);
--> statement-breakpoint
ALTER TABLE documents
  ADD CONSTRAINT valid_file_size
  CHECK (file_size > 0 AND file_size <= 524288000);
