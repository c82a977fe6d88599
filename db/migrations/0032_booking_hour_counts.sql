-- The admin's per-week chart at a large provider's size (issue 14): live bookings counted per hour
-- of their examination and current stage, kept by the database (db/schema/booking-hour-counts.ts).
-- The chart ("examinations per week by stage", the last 12 weeks) walked every live booking of
-- those weeks: 105,080 index entries at 1,000,000 bookings, ≈ 23–26 ms of every load of /admin.
-- It now sums ≈ 2,000 hours × a few stages (lib/homes/admin-home.ts; a zone whose weeks do not
-- start on a whole UTC hour still counts the bookings).
--
-- Statement triggers with transition tables append each statement's changes as signed counts
-- grouped by hour and stage: one row per hour and stage a statement touched, whatever its size
-- (a bulk archive of 10,000 bookings is a few hundred rows). Append-only, so no row here is ever
-- waited on: two transactions changing bookings in any order cannot deadlock on a counter.
-- lib/homes/booking-hour-counts.ts folds each hour and stage's rows into one on a schedule.
CREATE TABLE "booking_hour_counts" (
	"hour" timestamp with time zone NOT NULL,
	"stage" varchar(50) NOT NULL,
	"n" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "idx_booking_hour_counts_hour_stage" ON "booking_hour_counts" USING btree ("hour","stage","n");--> statement-breakpoint
CREATE OR REPLACE FUNCTION booking_hour_counts_after_insert()
RETURNS TRIGGER AS $$
BEGIN
    INSERT INTO booking_hour_counts (hour, stage, n)
    SELECT date_trunc('hour', appointment_date, 'UTC'), current_progress, count(*)
      FROM inserted_bookings
     WHERE status <> 'archived'
     GROUP BY 1, 2;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION booking_hour_counts_after_update()
RETURNS TRIGGER AS $$
BEGIN
    -- Each updated booking leaves its old hour and stage and enters its new one; a booking whose
    -- hour, stage and archived-ness did not change cancels out and writes nothing.
    INSERT INTO booking_hour_counts (hour, stage, n)
    SELECT hour, stage, sum(n)
      FROM (SELECT date_trunc('hour', appointment_date, 'UTC') AS hour, current_progress AS stage, 1 AS n
              FROM updated_bookings WHERE status <> 'archived'
            UNION ALL
            SELECT date_trunc('hour', appointment_date, 'UTC'), current_progress, -1
              FROM previous_bookings WHERE status <> 'archived') AS changes
     GROUP BY 1, 2
    HAVING sum(n) <> 0;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION booking_hour_counts_after_delete()
RETURNS TRIGGER AS $$
BEGIN
    INSERT INTO booking_hour_counts (hour, stage, n)
    SELECT date_trunc('hour', appointment_date, 'UTC'), current_progress, -count(*)
      FROM deleted_bookings
     WHERE status <> 'archived'
     GROUP BY 1, 2;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION booking_hour_counts_after_truncate()
RETURNS TRIGGER AS $$
BEGIN
    TRUNCATE booking_hour_counts;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER booking_hour_counts_insert AFTER INSERT ON bookings
    REFERENCING NEW TABLE AS inserted_bookings
    FOR EACH STATEMENT EXECUTE FUNCTION booking_hour_counts_after_insert();
--> statement-breakpoint
CREATE TRIGGER booking_hour_counts_update AFTER UPDATE ON bookings
    REFERENCING OLD TABLE AS previous_bookings NEW TABLE AS updated_bookings
    FOR EACH STATEMENT EXECUTE FUNCTION booking_hour_counts_after_update();
--> statement-breakpoint
CREATE TRIGGER booking_hour_counts_delete AFTER DELETE ON bookings
    REFERENCING OLD TABLE AS deleted_bookings
    FOR EACH STATEMENT EXECUTE FUNCTION booking_hour_counts_after_delete();
--> statement-breakpoint
CREATE TRIGGER booking_hour_counts_truncate AFTER TRUNCATE ON bookings
    FOR EACH STATEMENT EXECUTE FUNCTION booking_hour_counts_after_truncate();
--> statement-breakpoint
-- The bookings already there, after the triggers: the migration's transaction holds their lock on
-- `bookings` until it commits, so no change falls between the two or is counted twice.
INSERT INTO booking_hour_counts (hour, stage, n)
SELECT date_trunc('hour', appointment_date, 'UTC'), current_progress, count(*)
  FROM bookings
 WHERE status <> 'archived'
 GROUP BY 1, 2;
