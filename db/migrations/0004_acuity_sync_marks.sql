CREATE TABLE "acuity_sync_marks" (
	"acuity_appointment_id" varchar(255) PRIMARY KEY NOT NULL,
	"read_started_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL
);
