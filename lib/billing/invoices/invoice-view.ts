/**
 * Invoices written for the screens: amounts formatted, dates as days in BILLING_TIME_ZONE, the
 * state in words. Pages call these and pass plain strings to components/billing.
 */
import { INVOICE_STATES, type InvoiceState } from "@/db/schema/invoices";
import { STAGE_NAMES } from "@/lib/bookings/progress/stage-names";
import { dateLabel } from "@/lib/time/people-time";
import { billingSettings } from "./billing-settings";
import { CHARGE_KIND_LABELS } from "./charge-labels";
import { formatAmount } from "./format-amount";
import type { InvoiceDetail } from "./get-invoice";
import { periodLabel } from "./invoice-document";
import type { InvoiceListRow } from "./list-invoices";

export const INVOICE_STATE_LABELS: Record<InvoiceState, string> = {
  draft: "Draft",
  issued: "Issued",
  paid: "Paid",
  void: "Void",
};

/** The list filter's choices, in lifecycle order. */
export const INVOICE_STATE_CHOICES: readonly InvoiceState[] = INVOICE_STATES;

export interface InvoiceRowView {
  id: string;
  number: string;
  organizationName: string;
  state: InvoiceState;
  stateLabel: string;
  period: string;
  total: string;
  issued: string;
  due: string;
  creditNoteNumber: string | null;
}

const day = (instant: Date | null, zone: string) => (instant ? dateLabel(instant, zone, "date") : "—");

export function invoiceRowView(row: InvoiceListRow): InvoiceRowView {
  const zone = billingSettings().timeZone;
  return {
    id: row.id,
    number: row.number ?? "Draft (no number yet)",
    organizationName: row.organizationName,
    state: row.state,
    stateLabel: INVOICE_STATE_LABELS[row.state],
    period: periodLabel(row.periodStart, row.periodEnd) ?? (row.bookingId ? `Booking ${row.bookingId}` : "—"),
    total: formatAmount(row.totalMinor, row.currency),
    issued: day(row.issuedAt, zone),
    due: row.state === "issued" ? day(row.dueAt, zone) : "—",
    creditNoteNumber: row.creditNoteNumber,
  };
}

export interface InvoiceDetailView extends InvoiceRowView {
  organizationId: string;
  subtotal: string;
  tax: string;
  paid: string | null;
  voided: string | null;
  voidReason: string | null;
  hasPdf: boolean;
  creditNote: { number: string; total: string; issued: string; reason: string } | null;
  lines: {
    id: string;
    bookingId: string;
    date: string;
    examinee: string;
    specialist: string;
    kind: string;
    description: string;
    amount: string;
    tax: string;
    bookingStage: string;
  }[];
}

export function invoiceDetailView(detail: InvoiceDetail): InvoiceDetailView {
  const zone = billingSettings().timeZone;
  const { invoice, creditNote } = detail;
  const money = (minor: number) => formatAmount(minor, invoice.currency);
  return {
    ...invoiceRowView({
      ...invoice,
      organizationName: detail.organizationName,
      creditNoteNumber: creditNote?.number ?? null,
    }),
    organizationId: invoice.organizationId,
    subtotal: money(invoice.subtotalMinor),
    tax: money(invoice.taxMinor),
    paid: invoice.paidAt ? day(invoice.paidAt, zone) : null,
    voided: invoice.voidedAt ? day(invoice.voidedAt, zone) : null,
    voidReason: invoice.voidReason,
    hasPdf: invoice.pdfKey !== null,
    creditNote: creditNote
      ? {
          number: creditNote.number,
          total: money(creditNote.totalMinor),
          issued: day(creditNote.issuedAt, zone),
          reason: creditNote.reason,
        }
      : null,
    lines: detail.lines.map((line) => ({
      id: line.id,
      bookingId: line.bookingId,
      date: day(line.appointmentDate, zone),
      examinee: line.examineeName,
      specialist: line.specialistName,
      kind: CHARGE_KIND_LABELS[line.kind],
      description: line.description,
      amount: money(line.amountMinor),
      tax: money(line.taxMinor),
      bookingStage: STAGE_NAMES[line.bookingStage],
    })),
  };
}

/** The calendar month before `now` in the billing zone, as inclusive dates: the usual period to issue. */
export function previousMonth(now = new Date()): { periodStart: string; periodEnd: string } {
  const zone = billingSettings().timeZone;
  const [year, month] = new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
  })
    .format(now)
    .split("-")
    .map(Number) as [number, number];
  const start = new Date(Date.UTC(year, month - 2, 1));
  const end = new Date(Date.UTC(year, month - 1, 0));
  return { periodStart: start.toISOString().slice(0, 10), periodEnd: end.toISOString().slice(0, 10) };
}
