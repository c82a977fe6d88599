ALTER TABLE "bookings" ADD COLUMN "claim_number" varchar(100);--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "date_of_injury" date;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "report_type" varchar(120);--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "case_manager_reference" varchar(100);--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "report_due_on" date;--> statement-breakpoint
ALTER TABLE "organization_settings" ADD COLUMN "report_due_business_days" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
CREATE INDEX "idx_bookings_report_owed_specialist" ON "bookings" USING btree ("specialist_id","report_due_on") WHERE current_progress IN ('scheduled', 'rescheduled', 'generating_report');--> statement-breakpoint
CREATE INDEX "idx_bookings_report_owed_organization" ON "bookings" USING btree ("organization_id","report_due_on") WHERE current_progress IN ('scheduled', 'rescheduled', 'generating_report');--> statement-breakpoint
ALTER TABLE "organization_settings" ADD CONSTRAINT "organization_settings_report_due_days_check" CHECK ("organization_settings"."report_due_business_days" BETWEEN 1 AND 60);--> statement-breakpoint
-- Claim number and the case manager's reference are found by the bookings search box (any part,
-- case-insensitive), like the examinee's name: trigram indexes serve ILIKE '%…%'.
CREATE INDEX IF NOT EXISTS idx_bookings_claim_number_trgm ON bookings USING gin (claim_number gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_case_manager_reference_trgm ON bookings USING gin (case_manager_reference gin_trgm_ops);
--> statement-breakpoint
-- `n` business days (Monday–Friday; public holidays are not known) after `start`:
-- the same rule as lib/bookings/report-due-date.ts, which a test holds them to.
CREATE OR REPLACE FUNCTION add_business_days(start date, n integer)
RETURNS date AS $$
DECLARE
    day date := start;
    counted integer := 0;
BEGIN
    WHILE counted < n LOOP
        day := day + 1;
        IF extract(isodow FROM day) < 6 THEN
            counted := counted + 1;
        END IF;
    END LOOP;
    RETURN day;
END;
$$ LANGUAGE plpgsql IMMUTABLE;
--> statement-breakpoint
-- The examination's day in the specialist's zone (UTC when the zone is unknown or not one
-- PostgreSQL knows — a bad zone from Acuity must not stop a booking being written).
CREATE OR REPLACE FUNCTION examination_local_date(at timestamptz, zone text)
RETURNS date AS $$
BEGIN
    RETURN (at AT TIME ZONE coalesce(zone, 'UTC'))::date;
EXCEPTION WHEN invalid_parameter_value THEN
    RETURN (at AT TIME ZONE 'UTC')::date;
END;
$$ LANGUAGE plpgsql STABLE;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION booking_report_due_on(at timestamptz, specialist varchar, organization varchar)
RETURNS date AS $$
    SELECT add_business_days(
        examination_local_date(at, (SELECT s.timezone FROM specialists s WHERE s.id = specialist)),
        coalesce(
            (SELECT o.report_due_business_days FROM organization_settings o WHERE o.organization_id = organization),
            10
        )
    );
$$ LANGUAGE sql STABLE;
--> statement-breakpoint
-- Every writer of bookings (portal, webhooks, reconciliation, seed, move to another organization)
-- gets the due day right without knowing about it.
CREATE OR REPLACE FUNCTION bookings_set_report_due_on()
RETURNS TRIGGER AS $$
BEGIN
    NEW.report_due_on := booking_report_due_on(NEW.appointment_date, NEW.specialist_id, NEW.organization_id);
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER bookings_set_report_due_on
    BEFORE INSERT OR UPDATE OF appointment_date, specialist_id, organization_id ON bookings
    FOR EACH ROW EXECUTE FUNCTION bookings_set_report_due_on();
--> statement-breakpoint
-- A changed setting or specialist zone moves the due day of reports still owed; delivered ones
-- keep the day they were due.
CREATE OR REPLACE FUNCTION organization_settings_report_due_changed()
RETURNS TRIGGER AS $$
BEGIN
    IF NEW.report_due_business_days IS DISTINCT FROM
        (CASE WHEN TG_OP = 'INSERT' THEN 10 ELSE OLD.report_due_business_days END) THEN
        UPDATE bookings
           SET report_due_on = booking_report_due_on(appointment_date, specialist_id, organization_id)
         WHERE organization_id = NEW.organization_id
           AND current_progress IN ('scheduled', 'rescheduled', 'generating_report');
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER organization_settings_report_due_changed
    AFTER INSERT OR UPDATE OF report_due_business_days ON organization_settings
    FOR EACH ROW EXECUTE FUNCTION organization_settings_report_due_changed();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION specialists_zone_changed()
RETURNS TRIGGER AS $$
BEGIN
    IF NEW.timezone IS DISTINCT FROM OLD.timezone THEN
        UPDATE bookings
           SET report_due_on = booking_report_due_on(appointment_date, specialist_id, organization_id)
         WHERE specialist_id = NEW.id
           AND current_progress IN ('scheduled', 'rescheduled', 'generating_report');
    END IF;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER specialists_zone_changed
    AFTER UPDATE OF timezone ON specialists
    FOR EACH ROW EXECUTE FUNCTION specialists_zone_changed();
--> statement-breakpoint
-- Existing bookings get their due day without looking updated.
ALTER TABLE bookings DISABLE TRIGGER update_bookings_updated_at;
--> statement-breakpoint
UPDATE bookings SET report_due_on = booking_report_due_on(appointment_date, specialist_id, organization_id);
--> statement-breakpoint
ALTER TABLE bookings ENABLE TRIGGER update_bookings_updated_at;
