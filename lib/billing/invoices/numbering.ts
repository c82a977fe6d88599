import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import type { InvoiceNumberSeries } from "@/db/schema/invoices";

/** INV-2026-0001: series, year, then the number in at least four digits. */
export const formatInvoiceNumber = (series: InvoiceNumberSeries, year: number, sequence: number) =>
  `${series}-${year}-${String(sequence).padStart(4, "0")}`;

/**
 * The next number of a series and year, taken in the caller's transaction. The counter row is
 * created by the year's first issue and incremented by the others; either way the row stays
 * locked until the transaction ends. So issuers queue on it (only issuers: nothing else touches
 * it), a rolled-back issue hands its number back, and a committed one keeps it — no gaps, no
 * duplicates. Call it as late as possible in the transaction: the lock is held from here.
 */
export async function takeInvoiceNumber(tx: Tx, series: InvoiceNumberSeries, year: number): Promise<string> {
  const result = await tx.execute<{ last_number: number }>(sql`
    INSERT INTO invoice_number_counters (series, year, last_number)
    VALUES (${series}, ${year}, 1)
    ON CONFLICT (series, year)
    DO UPDATE SET last_number = invoice_number_counters.last_number + 1
    RETURNING last_number`);
  const sequence = result.rows[0]?.last_number;
  if (sequence === undefined) throw new Error("the invoice number counter returned no row");
  return formatInvoiceNumber(series, year, sequence);
}
