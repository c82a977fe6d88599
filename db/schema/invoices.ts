/**
 * Invoices (lib/billing/invoices): what the provider bills an organization for a period (or one
 * booking), made of its unbilled charges (billing.ts). Money is integer minor units everywhere.
 *
 * - A number is given at issue, never at draft, from a per-series-and-year counter row updated in
 *   the issuing transaction: a rolled-back issue gives its number back, and concurrent issuers
 *   queue on that one row, so numbers have no gaps and no duplicates.
 * - A charge is on at most one live invoice: `invoice_lines.live` is true until its invoice is
 *   voided, and a partial unique index on (charge_id) WHERE live says so in the database.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { organizations, users } from "./auth";
import { bookings } from "./bookings";
import { CHARGE_KINDS, charges } from "./billing";
import { createdAtColumn, idColumn, updatedAtColumn, userRef } from "./columns";
import { sqlList } from "./enums";

export const INVOICE_STATES = ["draft", "issued", "paid", "void"] as const;
export type InvoiceState = (typeof INVOICE_STATES)[number];

/** INV for invoices, CN for credit notes: each its own gapless series per year. */
export const INVOICE_NUMBER_SERIES = ["INV", "CN"] as const;
export type InvoiceNumberSeries = (typeof INVOICE_NUMBER_SERIES)[number];

/** The last number given in a series and year; the row is created by the first issue of the year. */
export const invoiceNumberCounters = pgTable(
  "invoice_number_counters",
  {
    series: varchar("series", { length: 8 }).$type<InvoiceNumberSeries>().notNull(),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.series, t.year] })],
);

export const invoices = pgTable(
  "invoices",
  {
    id: idColumn(),
    organizationId: varchar("organization_id", { length: 255 })
      .notNull()
      .references(() => organizations.id),
    state: varchar("state", { length: 16 }).$type<InvoiceState>().notNull().default("draft"),
    /** e.g. INV-2026-0001; null while a draft (and for a voided draft, which never had one). */
    number: varchar("number", { length: 32 }).unique(),
    /** The billed period, inclusive calendar dates (UTC); null for a one-booking invoice. */
    periodStart: date("period_start", { mode: "string" }),
    periodEnd: date("period_end", { mode: "string" }),
    /** Set when the invoice bills one booking's charges only. */
    bookingId: varchar("booking_id", { length: 255 }).references(() => bookings.id),
    currency: varchar("currency", { length: 3 }).notNull(),
    subtotalMinor: integer("subtotal_minor").notNull().default(0),
    taxMinor: integer("tax_minor").notNull().default(0),
    totalMinor: integer("total_minor").notNull().default(0),
    issuedAt: timestamp("issued_at", { withTimezone: true }),
    dueAt: timestamp("due_at", { withTimezone: true }),
    /** The PDF in the object store (invoices/ prefix); set in the issuing transaction, after the upload. */
    pdfKey: varchar("pdf_key", { length: 512 }),
    paidAt: timestamp("paid_at", { withTimezone: true }),
    paidById: userRef("paid_by_id").references(() => users.id),
    voidedAt: timestamp("voided_at", { withTimezone: true }),
    voidedById: userRef("voided_by_id").references(() => users.id),
    voidReason: text("void_reason"),
    createdById: userRef("created_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAtColumn().notNull(),
    updatedAt: updatedAtColumn().notNull(),
  },
  (t) => [
    index("idx_invoices_organization").on(t.organizationId, t.createdAt.desc()),
    index("idx_invoices_state").on(t.state),
    check("ck_invoices_state", sql.raw(`state IN (${sqlList(INVOICE_STATES)})`)),
    check(
      "ck_invoices_period",
      sql`(${t.periodStart} IS NULL) = (${t.periodEnd} IS NULL) AND ${t.periodStart} <= ${t.periodEnd}`,
    ),
    check(
      "ck_invoices_issued_complete",
      sql`${t.state} = 'draft' OR (${t.state} = 'void' AND ${t.issuedAt} IS NULL) OR (${t.number} IS NOT NULL AND ${t.issuedAt} IS NOT NULL AND ${t.pdfKey} IS NOT NULL)`,
    ),
  ],
);

/** One charge on an invoice; amounts copied from the charge when the draft gathered it. */
export const invoiceLines = pgTable(
  "invoice_lines",
  {
    id: idColumn(),
    invoiceId: varchar("invoice_id", { length: 255 })
      .notNull()
      .references(() => invoices.id, { onDelete: "cascade" }),
    chargeId: varchar("charge_id", { length: 255 })
      .notNull()
      .references(() => charges.id),
    bookingId: varchar("booking_id", { length: 255 })
      .notNull()
      .references(() => bookings.id),
    kind: varchar("kind", { length: 50, enum: CHARGE_KINDS }).notNull(),
    description: text("description").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    amountMinor: integer("amount_minor").notNull(),
    taxRateBasisPoints: integer("tax_rate_basis_points").notNull(),
    taxMinor: integer("tax_minor").notNull(),
    /** False once the invoice is voided: the charge is free to be billed again. */
    live: boolean("live").notNull().default(true),
    createdAt: createdAtColumn().notNull(),
  },
  (t) => [
    index("idx_invoice_lines_invoice").on(t.invoiceId),
    uniqueIndex("uq_invoice_lines_live_charge")
      .on(t.chargeId)
      .where(sql`${t.live}`),
  ],
);

/** What voiding an issued invoice issues: the same amounts credited, its own number series and PDF. */
export const creditNotes = pgTable("credit_notes", {
  id: idColumn(),
  invoiceId: varchar("invoice_id", { length: 255 })
    .notNull()
    .unique()
    .references(() => invoices.id),
  number: varchar("number", { length: 32 }).notNull().unique(),
  reason: text("reason").notNull(),
  subtotalMinor: integer("subtotal_minor").notNull(),
  taxMinor: integer("tax_minor").notNull(),
  totalMinor: integer("total_minor").notNull(),
  currency: varchar("currency", { length: 3 }).notNull(),
  pdfKey: varchar("pdf_key", { length: 512 }).notNull(),
  issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
  issuedById: userRef("issued_by_id")
    .notNull()
    .references(() => users.id),
});

/**
 * Further addresses an organization's invoices go to (its accounts payable), besides its owners.
 * Its own list, not organization_contacts: those are report recipients copied onto bookings.
 */
export const billingContacts = pgTable(
  "billing_contacts",
  {
    id: idColumn(),
    organizationId: varchar("organization_id", { length: 255 })
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    email: varchar("email", { length: 255 }).notNull(),
    name: varchar("name", { length: 255 }),
    addedById: userRef("added_by_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAtColumn().notNull(),
  },
  (t) => [uniqueIndex("uq_billing_contacts_email").on(t.organizationId, sql`lower(${t.email})`)],
);
