CREATE TABLE "audit_log_pending" (
	"audit_id" varchar(255) PRIMARY KEY NOT NULL,
	"mac" varchar(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log_sealed_rows" (
	"audit_id" varchar(255) PRIMARY KEY NOT NULL,
	"seal_sequence" integer NOT NULL,
	"position" integer NOT NULL,
	"row_hash" varchar(64) NOT NULL,
	"mac_valid" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log_seals" (
	"sequence" integer PRIMARY KEY NOT NULL,
	"previous_hash" varchar(64) NOT NULL,
	"hash" varchar(64) NOT NULL,
	"row_count" integer NOT NULL,
	"adopted" boolean DEFAULT false NOT NULL,
	"sealed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_log_seals_sequence_positive" CHECK ("audit_log_seals"."sequence" > 0)
);
--> statement-breakpoint
CREATE TABLE "audit_verifications" (
	"id" varchar(255) PRIMARY KEY NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	"ok" boolean NOT NULL,
	"trigger" varchar(20) NOT NULL,
	"rows_checked" integer NOT NULL,
	"seals_checked" integer NOT NULL,
	"head_sequence" integer,
	"head_hash" varchar(64),
	"problem_count" integer NOT NULL,
	"first_problem" text
);
--> statement-breakpoint
ALTER TABLE "audit_log_sealed_rows" ADD CONSTRAINT "audit_log_sealed_rows_seal_sequence_audit_log_seals_sequence_fk" FOREIGN KEY ("seal_sequence") REFERENCES "public"."audit_log_seals"("sequence") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "audit_log_sealed_rows_seal_position" ON "audit_log_sealed_rows" USING btree ("seal_sequence","position");--> statement-breakpoint
CREATE INDEX "idx_audit_verifications_finished" ON "audit_verifications" USING btree ("finished_at");--> statement-breakpoint
-- Seals, sealed rows and verification runs are evidence like audit_logs: added, never changed or
-- removed (the same rule as 0001's audit_logs_append_only, naming the table it guards).
CREATE OR REPLACE FUNCTION audit_seal_append_only()
RETURNS TRIGGER AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_log_seals_no_update BEFORE UPDATE ON audit_log_seals
    FOR EACH ROW EXECUTE FUNCTION audit_seal_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_seals_no_delete BEFORE DELETE ON audit_log_seals
    FOR EACH ROW EXECUTE FUNCTION audit_seal_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_seals_no_truncate BEFORE TRUNCATE ON audit_log_seals
    FOR EACH STATEMENT EXECUTE FUNCTION audit_seal_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_sealed_rows_no_update BEFORE UPDATE ON audit_log_sealed_rows
    FOR EACH ROW EXECUTE FUNCTION audit_seal_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_sealed_rows_no_delete BEFORE DELETE ON audit_log_sealed_rows
    FOR EACH ROW EXECUTE FUNCTION audit_seal_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_sealed_rows_no_truncate BEFORE TRUNCATE ON audit_log_sealed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION audit_seal_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_verifications_no_update BEFORE UPDATE ON audit_verifications
    FOR EACH ROW EXECUTE FUNCTION audit_seal_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_verifications_no_delete BEFORE DELETE ON audit_verifications
    FOR EACH ROW EXECUTE FUNCTION audit_seal_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_verifications_no_truncate BEFORE TRUNCATE ON audit_verifications
    FOR EACH STATEMENT EXECUTE FUNCTION audit_seal_append_only();
