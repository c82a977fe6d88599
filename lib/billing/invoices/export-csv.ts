/**
 * The accounting export: one CSV row per invoice line (RFC 4180: CRLF, quotes doubled), for the
 * invoices issued in a period and the credit notes issued in it (their lines negative) — the
 * shape spreadsheet and accounting imports take: document number, date, customer, description,
 * net, tax, gross, currency. Text cells that start like a formula (= + - @) are neutralised;
 * amounts are our own decimals ("-12.50" is a number, not a formula) and are written as they are.
 */
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { creditNotes, invoiceLines, invoices, organizations } from "@/db/schema";
import { csvField } from "@/lib/audit-trail/export-csv";
import { CHARGE_KIND_LABELS } from "./charge-labels";
import { decimalOf } from "./format-amount";

export const INVOICE_CSV_HEADER = [
  "document_number",
  "document_type",
  "issue_date",
  "due_date",
  "customer",
  "customer_id",
  "credits_invoice",
  "booking_id",
  "line_date",
  "description",
  "net",
  "tax_rate_percent",
  "tax",
  "gross",
  "currency",
] as const;

const dayIn = (column: unknown, zone: string) =>
  sql<string>`to_char(${column} AT TIME ZONE ${zone}, 'YYYY-MM-DD')`;

interface ExportLine {
  number: string;
  issueDate: string;
  dueDate: string | null;
  customer: string;
  customerId: string;
  bookingId: string;
  lineDate: string;
  kind: keyof typeof CHARGE_KIND_LABELS;
  description: string;
  amountMinor: number;
  taxRateBasisPoints: number;
  taxMinor: number;
  currency: string;
}

async function invoiceRows(db: DbOrTx, from: string, to: string, zone: string) {
  const issueDay = dayIn(invoices.issuedAt, zone);
  return db
    .select({
      number: sql<string>`${invoices.number}`,
      issueDate: issueDay,
      dueDate: dayIn(invoices.dueAt, zone),
      customer: organizations.name,
      customerId: organizations.id,
      bookingId: invoiceLines.bookingId,
      lineDate: dayIn(invoiceLines.occurredAt, zone),
      kind: invoiceLines.kind,
      description: invoiceLines.description,
      amountMinor: invoiceLines.amountMinor,
      taxRateBasisPoints: invoiceLines.taxRateBasisPoints,
      taxMinor: invoiceLines.taxMinor,
      currency: invoices.currency,
    })
    .from(invoices)
    .innerJoin(organizations, eq(organizations.id, invoices.organizationId))
    .innerJoin(invoiceLines, eq(invoiceLines.invoiceId, invoices.id))
    .where(and(isNotNull(invoices.issuedAt), sql`${issueDay} BETWEEN ${from} AND ${to}`))
    .orderBy(asc(invoices.number), asc(invoiceLines.occurredAt), asc(invoiceLines.id));
}

async function creditNoteRows(db: DbOrTx, from: string, to: string, zone: string) {
  const issueDay = dayIn(creditNotes.issuedAt, zone);
  return db
    .select({
      number: creditNotes.number,
      creditsInvoice: sql<string>`${invoices.number}`,
      issueDate: issueDay,
      customer: organizations.name,
      customerId: organizations.id,
      bookingId: invoiceLines.bookingId,
      lineDate: dayIn(invoiceLines.occurredAt, zone),
      kind: invoiceLines.kind,
      description: invoiceLines.description,
      amountMinor: invoiceLines.amountMinor,
      taxRateBasisPoints: invoiceLines.taxRateBasisPoints,
      taxMinor: invoiceLines.taxMinor,
      currency: creditNotes.currency,
    })
    .from(creditNotes)
    .innerJoin(invoices, eq(invoices.id, creditNotes.invoiceId))
    .innerJoin(organizations, eq(organizations.id, invoices.organizationId))
    .innerJoin(invoiceLines, eq(invoiceLines.invoiceId, invoices.id))
    .where(sql`${issueDay} BETWEEN ${from} AND ${to}`)
    .orderBy(asc(creditNotes.number), asc(invoiceLines.occurredAt), asc(invoiceLines.id));
}

function rowOf(
  line: ExportLine,
  type: "invoice" | "credit_note",
  creditsInvoice: string | null,
  sign: 1 | -1,
) {
  const net = sign * line.amountMinor;
  const tax = sign * line.taxMinor;
  return [
    csvField(line.number),
    type,
    line.issueDate,
    line.dueDate ?? "",
    csvField(line.customer),
    csvField(line.customerId),
    csvField(creditsInvoice),
    csvField(line.bookingId),
    line.lineDate,
    csvField(`${CHARGE_KIND_LABELS[line.kind]}: ${line.description}`),
    decimalOf(net, line.currency),
    (line.taxRateBasisPoints / 100).toFixed(2),
    decimalOf(tax, line.currency),
    decimalOf(net + tax, line.currency),
    line.currency,
  ].join(",");
}

/** The CSV text (header first), lines ending CRLF. */
export async function invoicesCsv(
  db: DbOrTx,
  period: { from: string; to: string },
  zone: string,
): Promise<string> {
  const rows: string[] = [INVOICE_CSV_HEADER.join(",")];
  for (const line of await invoiceRows(db, period.from, period.to, zone))
    rows.push(rowOf(line, "invoice", null, 1));
  for (const line of await creditNoteRows(db, period.from, period.to, zone))
    rows.push(rowOf({ ...line, dueDate: null }, "credit_note", line.creditsInvoice, -1));
  return `${rows.join("\r\n")}\r\n`;
}
