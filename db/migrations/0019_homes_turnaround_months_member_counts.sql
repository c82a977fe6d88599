-- The homes at a large provider's size, continued (issue 15; `npm run bench:homes`): the turnaround
-- chart's finished months kept once computed, and indexes for a team member's counts by stage.
--
-- The operations view's "median days from examination to report, per specialist per month"
-- spans six months in the admin's zone. Only the current month still changes as reports are
-- marked ready; the five before it change only when an old report's marks change (a late-written
-- progress row, a report moved back). Computing all six on every load read ≈ 80,000 index
-- entries at 1,000,000 bookings (p95 63 ms); the finished months are now read from here and only
-- the current month is computed (lib/homes/report-turnaround.ts).
--
-- A kept month is valid while the version of its specialist and month is the one it was computed
-- at. The triggers below bump it whenever a booking's report-ready time (old or new), examination
-- time or specialist changes: a report-ready time t falls, in some zone, in the UTC month of
-- t − 12 h or of t + 14 h (the widest offsets), so both are bumped. A report marked ready today
-- bumps only the current month — never kept — so finished months stay kept through a working
-- day's changes. Computing and storing is one statement that reads the version with the data, so a
-- change committed meanwhile leaves a row with the old version: read as missing, never as true.
-- report_turnaround_months: a kept month (time_zone's YYYY-MM) and the version it was computed at;
-- report_turnaround_versions: a version per specialist and UTC month (YYYY-MM).
CREATE TABLE "report_turnaround_months" (
	"time_zone" text NOT NULL,
	"specialist_id" varchar(255) NOT NULL,
	"month" text NOT NULL,
	"version" bigint NOT NULL,
	"median_days" double precision,
	"reports" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_turnaround_months_time_zone_month_specialist_id_pk" PRIMARY KEY("time_zone","month","specialist_id")
);
--> statement-breakpoint
CREATE TABLE "report_turnaround_versions" (
	"specialist_id" varchar(255) NOT NULL,
	"month" text NOT NULL,
	"version" bigint NOT NULL,
	CONSTRAINT "report_turnaround_versions_specialist_id_month_pk" PRIMARY KEY("specialist_id","month")
);
--> statement-breakpoint
ALTER TABLE "report_turnaround_months" ADD CONSTRAINT "report_turnaround_months_specialist_id_specialists_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."specialists"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "report_turnaround_versions" ADD CONSTRAINT "report_turnaround_versions_specialist_id_specialists_id_fk" FOREIGN KEY ("specialist_id") REFERENCES "public"."specialists"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION bookings_bump_report_turnaround_version()
RETURNS TRIGGER AS $$
BEGIN
    -- OLD is NULL on INSERT and NEW on DELETE; a booking without a report-ready time touches nothing.
    INSERT INTO report_turnaround_versions AS v (specialist_id, month, version)
    SELECT DISTINCT marked.specialist_id, to_char((marked.ready_at + widest.shift) AT TIME ZONE 'UTC', 'YYYY-MM'), 1
      FROM (VALUES (OLD.specialist_id, OLD.report_ready_at), (NEW.specialist_id, NEW.report_ready_at))
               AS marked(specialist_id, ready_at)
     CROSS JOIN (VALUES (interval '-12 hours'), (interval '14 hours')) AS widest(shift)
     WHERE marked.ready_at IS NOT NULL
        ON CONFLICT (specialist_id, month) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS bookings_bump_report_turnaround_version_update ON bookings;
--> statement-breakpoint
CREATE TRIGGER bookings_bump_report_turnaround_version_update
    AFTER UPDATE OF report_ready_at, appointment_date, specialist_id ON bookings
    FOR EACH ROW
    WHEN (OLD.report_ready_at IS DISTINCT FROM NEW.report_ready_at
          OR (NEW.report_ready_at IS NOT NULL
              AND (OLD.appointment_date IS DISTINCT FROM NEW.appointment_date
                   OR OLD.specialist_id IS DISTINCT FROM NEW.specialist_id)))
    EXECUTE FUNCTION bookings_bump_report_turnaround_version();
--> statement-breakpoint
DROP TRIGGER IF EXISTS bookings_bump_report_turnaround_version_insert ON bookings;
--> statement-breakpoint
CREATE TRIGGER bookings_bump_report_turnaround_version_insert
    AFTER INSERT ON bookings
    FOR EACH ROW
    WHEN (NEW.report_ready_at IS NOT NULL)
    EXECUTE FUNCTION bookings_bump_report_turnaround_version();
--> statement-breakpoint
DROP TRIGGER IF EXISTS bookings_bump_report_turnaround_version_delete ON bookings;
--> statement-breakpoint
CREATE TRIGGER bookings_bump_report_turnaround_version_delete
    AFTER DELETE ON bookings
    FOR EACH ROW
    WHEN (OLD.report_ready_at IS NOT NULL)
    EXECUTE FUNCTION bookings_bump_report_turnaround_version();
--> statement-breakpoint
-- A team member's counts by stage on the referrer home (lib/homes/referrer-home.ts), counted per
-- disjoint part of their view (lib/authz/booking-scope.ts memberVisibilityParts): their teams' and
-- the team-less bookings of a stage are one range of the first index each; what they booked or
-- were booked for in other teams, a range of the other two. Before, each stage walked the
-- organization's whole live range testing every entry's team (≈ 171,000 entries for a member who
-- sees ≈ 54,000 at 1,000,000 bookings: 40 ms, p95 at the 50 ms target).
CREATE INDEX IF NOT EXISTS idx_bookings_live_organization_progress_team ON bookings (organization_id, current_progress, team_id)
    WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_created_by ON bookings (created_by_id, organization_id, current_progress, team_id)
    WHERE status <> 'archived';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS idx_bookings_live_created_for ON bookings (created_for_id, organization_id, current_progress, team_id)
    INCLUDE (created_by_id) WHERE status <> 'archived' AND created_for_id IS NOT NULL;
