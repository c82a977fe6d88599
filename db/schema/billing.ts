/**
 * Billing (issue 18): what an examination, a late cancellation and a no-show cost (fee
 * schedules), and the charges those events create. Money is always an integer number of minor
 * units (cents) of the row's own currency — never a float. Invoices (built on `charges`) live
 * in their own module.
 */
import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, text, timestamp, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { organizations, users } from "./auth";
import { bookings } from "./bookings";
import { createdAtColumn, idColumn, updatedAtColumn, userRef } from "./columns";
import { APPOINTMENT_TYPES, sqlList } from "./enums";

/** The events that cost money; one charge per booking and kind (see `uq_charges_booking_kind`). */
export const CHARGE_KINDS = ["examination", "late_cancellation", "no_show"] as const;
export type ChargeKind = (typeof CHARGE_KINDS)[number];

const currencyCheck = (column: string) => sql.raw(`${column} ~ '^[A-Z]{3}$'`);

/**
 * One default schedule (organization_id NULL) and at most one per organization. An
 * organization's schedule carries its own currency, tax rate and fees; its examination prices
 * override the default's, and a price it does not list falls back to the default's price when
 * both schedules use the same currency (lib/billing/price-lookup.ts).
 */
export const feeSchedules = pgTable(
  "fee_schedules",
  {
    id: idColumn(),
    organizationId: varchar("organization_id", { length: 255 }).references(() => organizations.id, {
      onDelete: "cascade",
    }),
    /** ISO 4217, upper case (e.g. CAD). */
    currency: varchar("currency", { length: 3 }).notNull(),
    /** 1300 = 13.00 %. */
    taxRateBasisPoints: integer("tax_rate_basis_points").notNull(),
    lateCancellationFeeMinor: integer("late_cancellation_fee_minor").notNull(),
    /** A cancellation this many hours or fewer before the examination is late (chargeable). */
    lateCancellationWindowHours: integer("late_cancellation_window_hours").notNull(),
    noShowFeeMinor: integer("no_show_fee_minor").notNull(),
    updatedById: userRef("updated_by_id").references(() => users.id),
    createdAt: createdAtColumn().notNull(),
    updatedAt: updatedAtColumn().notNull(),
  },
  (t) => [
    check("fee_schedules_currency_check", currencyCheck("currency")),
    check("fee_schedules_tax_rate_check", sql`${t.taxRateBasisPoints} BETWEEN 0 AND 10000`),
    check("fee_schedules_late_fee_check", sql`${t.lateCancellationFeeMinor} >= 0`),
    check("fee_schedules_late_window_check", sql`${t.lateCancellationWindowHours} BETWEEN 0 AND 720`),
    check("fee_schedules_no_show_fee_check", sql`${t.noShowFeeMinor} >= 0`),
    uniqueIndex("uq_fee_schedules_organization").on(t.organizationId),
    // NULLs are distinct in a unique index: this one keeps the default schedule single.
    uniqueIndex("uq_fee_schedules_default")
      .on(sql`(true)`)
      .where(sql`${t.organizationId} IS NULL`),
  ],
);

/** The price of an examination by the specialist's specialty and the appointment type. */
export const feeSchedulePrices = pgTable(
  "fee_schedule_prices",
  {
    id: idColumn(),
    feeScheduleId: varchar("fee_schedule_id", { length: 255 })
      .notNull()
      .references(() => feeSchedules.id, { onDelete: "cascade" }),
    /** specialists.specialty, as written there (free text in this data model). */
    specialty: varchar("specialty", { length: 255 }).notNull(),
    appointmentType: varchar("appointment_type", { length: 50, enum: APPOINTMENT_TYPES }).notNull(),
    amountMinor: integer("amount_minor").notNull(),
    createdAt: createdAtColumn().notNull(),
  },
  (t) => [
    check("fee_schedule_prices_amount_check", sql`${t.amountMinor} >= 0`),
    check(
      "fee_schedule_prices_appointment_type_check",
      sql.raw(`appointment_type IN (${sqlList(APPOINTMENT_TYPES)})`),
    ),
    uniqueIndex("uq_fee_schedule_prices_line").on(t.feeScheduleId, t.specialty, t.appointmentType),
  ],
);

/**
 * A chargeable event of a booking, priced when it happened: amount, tax rate and currency are
 * copied from the schedule in effect then, so a later price change never alters it. Written in
 * the same transaction as the stage change that caused it (lib/billing/record-charge.ts).
 */
export const charges = pgTable(
  "charges",
  {
    id: idColumn(),
    bookingId: varchar("booking_id", { length: 255 })
      .notNull()
      .references(() => bookings.id),
    /** Copied from the booking so invoicing reads one table per organization and period. */
    organizationId: varchar("organization_id", { length: 255 })
      .notNull()
      .references(() => organizations.id),
    kind: varchar("kind", { length: 50, enum: CHARGE_KINDS }).notNull(),
    amountMinor: integer("amount_minor").notNull(),
    currency: varchar("currency", { length: 3 }).notNull(),
    taxRateBasisPoints: integer("tax_rate_basis_points").notNull(),
    /** The invoice line's text, for the organization that booked (may name the examinee). */
    description: text("description").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    /** The schedule the price came from (history only; the copied amount is what counts). */
    feeScheduleId: varchar("fee_schedule_id", { length: 255 }).references(() => feeSchedules.id, {
      onDelete: "set null",
    }),
    waivedAt: timestamp("waived_at", { withTimezone: true }),
    waivedById: userRef("waived_by_id").references(() => users.id),
    waiveReason: text("waive_reason"),
    createdAt: createdAtColumn().notNull(),
  },
  (t) => [
    check("charges_kind_check", sql.raw(`kind IN (${sqlList(CHARGE_KINDS)})`)),
    check("charges_amount_check", sql`${t.amountMinor} >= 0`),
    check("charges_currency_check", currencyCheck("currency")),
    check("charges_tax_rate_check", sql`${t.taxRateBasisPoints} BETWEEN 0 AND 10000`),
    check("charges_waive_reason_check", sql`(${t.waivedAt} IS NULL) = (${t.waiveReason} IS NULL)`),
    // One event never charges twice: a duplicate webhook, a retried job or an admin correction
    // back into the same stage finds the first charge (ON CONFLICT DO NOTHING).
    uniqueIndex("uq_charges_booking_kind").on(t.bookingId, t.kind),
    index("idx_charges_organization_occurred")
      .on(t.organizationId, t.occurredAt)
      .where(sql`${t.waivedAt} IS NULL`),
  ],
);
