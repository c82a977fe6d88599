ALTER TABLE "notification_events" ADD COLUMN "fanned_out_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "notification_events" ADD COLUMN "fan_out_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_events" ADD COLUMN "next_fan_out_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "idx_notification_events_pending" ON "notification_events" USING btree ("next_fan_out_at") WHERE "notification_events"."fanned_out_at" IS NULL;--> statement-breakpoint
-- Events fanned out by the pg-boss job of before are done; the rest are taken by the fan-out loop
-- (the fan-out is idempotent, so an event whose job was still queued is not told twice).
UPDATE "notification_events" e SET "fanned_out_at" = e."created_at"
  WHERE EXISTS (SELECT 1 FROM "notifications" n WHERE n."event_id" = e."id")
     OR EXISTS (SELECT 1 FROM "outbox_emails" o WHERE o."event_id" = e."id");
