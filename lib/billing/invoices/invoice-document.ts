/**
 * What an invoice's PDF (and its credit note's) shows, loaded in the caller's transaction: the
 * organization, and each line with its booking's examination date, examinee and specialist.
 * The examinee's name is on the PDF because the organization that referred them is its reader;
 * it never goes into an e-mail body, a log or an error.
 */
import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings, invoiceLines, invoices, organizations, specialists } from "@/db/schema";
import { dateLabel } from "@/lib/time/people-time";
import type { BillingSettings } from "./billing-settings";
import { CHARGE_KIND_LABELS } from "./charge-labels";
import type { InvoicePdfLine, InvoicePdfModel } from "./render-invoice-pdf";

export type InvoiceRow = typeof invoices.$inferSelect;

export interface InvoiceDocumentLine {
  id: string;
  chargeId: string;
  bookingId: string;
  kind: (typeof invoiceLines.$inferSelect)["kind"];
  description: string;
  occurredAt: Date;
  appointmentDate: Date;
  examineeName: string;
  specialistName: string;
  /** The booking's stage now (the invoice page shows whether paying moved it). */
  bookingStage: (typeof bookings.$inferSelect)["currentProgress"];
  amountMinor: number;
  taxRateBasisPoints: number;
  taxMinor: number;
}

export async function loadInvoiceLines(db: DbOrTx, invoiceId: string): Promise<InvoiceDocumentLine[]> {
  return db
    .select({
      id: invoiceLines.id,
      chargeId: invoiceLines.chargeId,
      bookingId: invoiceLines.bookingId,
      kind: invoiceLines.kind,
      description: invoiceLines.description,
      occurredAt: invoiceLines.occurredAt,
      appointmentDate: bookings.appointmentDate,
      examineeName: bookings.examineeName,
      specialistName: specialists.name,
      bookingStage: bookings.currentProgress,
      amountMinor: invoiceLines.amountMinor,
      taxRateBasisPoints: invoiceLines.taxRateBasisPoints,
      taxMinor: invoiceLines.taxMinor,
    })
    .from(invoiceLines)
    .innerJoin(bookings, eq(bookings.id, invoiceLines.bookingId))
    .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
    .where(eq(invoiceLines.invoiceId, invoiceId))
    .orderBy(asc(bookings.appointmentDate), asc(invoiceLines.id));
}

export async function organizationName(db: DbOrTx, organizationId: string): Promise<string> {
  const [row] = await db
    .select({ name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row?.name ?? organizationId;
}

/** "Nov 1, 2026 – Nov 30, 2026" from inclusive calendar dates. */
export function periodLabel(start: string | null, end: string | null): string | null {
  if (!start || !end) return null;
  // Calendar dates: read at noon UTC so no zone moves them to the day before.
  const label = (day: string) => dateLabel(new Date(`${day}T12:00:00Z`), "UTC", "date");
  return `${label(start)} – ${label(end)}`;
}

export function pdfLinesOf(lines: InvoiceDocumentLine[], settings: BillingSettings): InvoicePdfLine[] {
  return lines.map((line) => ({
    date: dateLabel(line.appointmentDate, settings.timeZone, "date"),
    examinee: line.examineeName,
    specialist: line.specialistName,
    kind: CHARGE_KIND_LABELS[line.kind],
    description: line.description,
    amountMinor: line.amountMinor,
  }));
}

export function invoicePdfModel(
  invoice: Pick<
    InvoiceRow,
    "currency" | "subtotalMinor" | "taxMinor" | "totalMinor" | "periodStart" | "periodEnd"
  > & { number: string; issuedAt: Date; dueAt: Date | null },
  billedTo: string,
  lines: InvoiceDocumentLine[],
  settings: BillingSettings,
): InvoicePdfModel {
  return {
    kind: "invoice",
    number: invoice.number,
    provider: settings.provider,
    billedTo: { name: billedTo },
    issueDate: dateLabel(invoice.issuedAt, settings.timeZone, "date"),
    dueDate: invoice.dueAt ? dateLabel(invoice.dueAt, settings.timeZone, "date") : null,
    period: periodLabel(invoice.periodStart, invoice.periodEnd),
    currency: invoice.currency,
    lines: pdfLinesOf(lines, settings),
    subtotalMinor: invoice.subtotalMinor,
    taxMinor: invoice.taxMinor,
    totalMinor: invoice.totalMinor,
  };
}
