CREATE TABLE "booking_requests" (
	"idempotency_key" varchar(255) PRIMARY KEY NOT NULL,
	"requested_by_id" varchar(255) NOT NULL,
	"booking_id" varchar(255),
	"acuity_appointment_id" varchar(255),
	"created_at" timestamp with time zone DEFAULT now()
);
--> statement-breakpoint
CREATE TABLE "outbox_emails" (
	"id" varchar(255) PRIMARY KEY NOT NULL,
	"to_address" varchar(255) NOT NULL,
	"subject" varchar(500) NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text,
	"created_at" timestamp with time zone DEFAULT now(),
	"sent_at" timestamp with time zone,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "pending_uploads" (
	"id" varchar(255) PRIMARY KEY NOT NULL,
	"booking_id" varchar(255) NOT NULL,
	"uploaded_by_id" varchar(255) NOT NULL,
	"s3_key" varchar(500) NOT NULL,
	"file_name" varchar(255) NOT NULL,
	"declared_size" bigint NOT NULL,
	"declared_mime_type" varchar(100) NOT NULL,
	"category" varchar(50) NOT NULL,
	"multipart_upload_id" text,
	"created_at" timestamp with time zone DEFAULT now(),
	CONSTRAINT "pending_uploads_s3_key_unique" UNIQUE("s3_key")
);
--> statement-breakpoint
ALTER TABLE "specialists" ADD COLUMN "timezone" varchar(64);--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "webhook_events" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now();--> statement-breakpoint
ALTER TABLE "booking_requests" ADD CONSTRAINT "booking_requests_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "booking_requests" ADD CONSTRAINT "booking_requests_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_uploads" ADD CONSTRAINT "pending_uploads_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pending_uploads" ADD CONSTRAINT "pending_uploads_uploaded_by_id_users_id_fk" FOREIGN KEY ("uploaded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idx_outbox_emails_created" ON "outbox_emails" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_pending_uploads_created" ON "pending_uploads" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "idx_webhook_events_due" ON "webhook_events" USING btree ("next_attempt_at") WHERE "webhook_events"."processed_at" IS NULL;