CREATE TABLE "acuity_booking_attempts" (
	"booking_reference" varchar(255) PRIMARY KEY NOT NULL,
	"requested_by_id" varchar(255) NOT NULL,
	"idempotency_key" varchar(255) NOT NULL,
	"acuity_calendar_id" varchar(255) NOT NULL,
	"appointment_at" timestamp with time zone NOT NULL,
	"acuity_appointment_id" varchar(255),
	"created_at" timestamp with time zone DEFAULT now(),
	"abandoned_at" timestamp with time zone,
	"next_attempt_at" timestamp with time zone DEFAULT now() + interval '5 minutes',
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"resolved_at" timestamp with time zone,
	"resolution" varchar(50)
);
--> statement-breakpoint
ALTER TABLE "acuity_booking_attempts" ADD CONSTRAINT "acuity_booking_attempts_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_acuity_booking_attempts_due" ON "acuity_booking_attempts" USING btree ("next_attempt_at") WHERE "acuity_booking_attempts"."resolved_at" IS NULL;