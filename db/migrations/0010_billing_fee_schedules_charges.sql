CREATE TABLE "charges" (
	"id" varchar(255) PRIMARY KEY NOT NULL,
	"booking_id" varchar(255) NOT NULL,
	"organization_id" varchar(255) NOT NULL,
	"kind" varchar(50) NOT NULL,
	"amount_minor" integer NOT NULL,
	"currency" varchar(3) NOT NULL,
	"tax_rate_basis_points" integer NOT NULL,
	"description" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"fee_schedule_id" varchar(255),
	"waived_at" timestamp with time zone,
	"waived_by_id" varchar(255),
	"waive_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "charges_kind_check" CHECK (kind IN ('examination', 'late_cancellation', 'no_show')),
	CONSTRAINT "charges_amount_check" CHECK ("charges"."amount_minor" >= 0),
	CONSTRAINT "charges_currency_check" CHECK (currency ~ '^[A-Z]{3}$'),
	CONSTRAINT "charges_tax_rate_check" CHECK ("charges"."tax_rate_basis_points" BETWEEN 0 AND 10000),
	CONSTRAINT "charges_waive_reason_check" CHECK (("charges"."waived_at" IS NULL) = ("charges"."waive_reason" IS NULL))
);
--> statement-breakpoint
CREATE TABLE "fee_schedule_prices" (
	"id" varchar(255) PRIMARY KEY NOT NULL,
	"fee_schedule_id" varchar(255) NOT NULL,
	"specialty" varchar(255) NOT NULL,
	"appointment_type" varchar(50) NOT NULL,
	"amount_minor" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_schedule_prices_amount_check" CHECK ("fee_schedule_prices"."amount_minor" >= 0),
	CONSTRAINT "fee_schedule_prices_appointment_type_check" CHECK (appointment_type IN ('in_person', 'telehealth'))
);
--> statement-breakpoint
CREATE TABLE "fee_schedules" (
	"id" varchar(255) PRIMARY KEY NOT NULL,
	"organization_id" varchar(255),
	"currency" varchar(3) NOT NULL,
	"tax_rate_basis_points" integer NOT NULL,
	"late_cancellation_fee_minor" integer NOT NULL,
	"late_cancellation_window_hours" integer NOT NULL,
	"no_show_fee_minor" integer NOT NULL,
	"updated_by_id" varchar(255),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "fee_schedules_currency_check" CHECK (currency ~ '^[A-Z]{3}$'),
	CONSTRAINT "fee_schedules_tax_rate_check" CHECK ("fee_schedules"."tax_rate_basis_points" BETWEEN 0 AND 10000),
	CONSTRAINT "fee_schedules_late_fee_check" CHECK ("fee_schedules"."late_cancellation_fee_minor" >= 0),
	CONSTRAINT "fee_schedules_late_window_check" CHECK ("fee_schedules"."late_cancellation_window_hours" BETWEEN 0 AND 720),
	CONSTRAINT "fee_schedules_no_show_fee_check" CHECK ("fee_schedules"."no_show_fee_minor" >= 0)
);
--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_fee_schedule_id_fee_schedules_id_fk" FOREIGN KEY ("fee_schedule_id") REFERENCES "public"."fee_schedules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_waived_by_id_users_id_fk" FOREIGN KEY ("waived_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_schedule_prices" ADD CONSTRAINT "fee_schedule_prices_fee_schedule_id_fee_schedules_id_fk" FOREIGN KEY ("fee_schedule_id") REFERENCES "public"."fee_schedules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_schedules" ADD CONSTRAINT "fee_schedules_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fee_schedules" ADD CONSTRAINT "fee_schedules_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_charges_booking_kind" ON "charges" USING btree ("booking_id","kind");--> statement-breakpoint
CREATE INDEX "idx_charges_organization_occurred" ON "charges" USING btree ("organization_id","occurred_at") WHERE "charges"."waived_at" IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "uq_fee_schedule_prices_line" ON "fee_schedule_prices" USING btree ("fee_schedule_id","specialty","appointment_type");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_fee_schedules_organization" ON "fee_schedules" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "uq_fee_schedules_default" ON "fee_schedules" USING btree ((true)) WHERE "fee_schedules"."organization_id" IS NULL;