/**
 * Issuing a draft: one transaction that takes the number, renders the PDF, uploads it, and only
 * then marks the invoice issued and queues its e-mails. If the upload fails, everything rolls
 * back — the invoice stays a draft and its number goes back to the counter — so no invoice is
 * ever issued without its PDF in the store; Issue can simply be pressed again. (If the commit
 * itself fails after the upload, the object is an orphan under this invoice's key, overwritten
 * by the next try, which gets the same number back.) The counter row stays locked during the
 * render and upload: issuers queue one after another, which is what gapless numbers need.
 */
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { charges, invoiceLines, invoices } from "@/db/schema";
import { ConflictError, NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { getStorage, type Storage } from "@/lib/storage/client";
import { billingSettings } from "./billing-settings";
import type { DraftContext } from "./create-draft";
import { invoicePdfModel, loadInvoiceLines, organizationName } from "./invoice-document";
import { invoicePdfKey, putInvoicePdf } from "./invoice-pdf-store";
import { queueInvoiceEmails } from "./queue-invoice-emails";
import { takeInvoiceNumber } from "./numbering";
import { renderInvoicePdf } from "./render-invoice-pdf";

/** The calendar year of an instant in a zone: the year of the invoice number. */
export const yearIn = (instant: Date, zone: string) =>
  Number(new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric" }).format(instant));

export async function issueInvoice(
  { tx, audit }: DraftContext,
  input: { invoiceId: string },
  options: { storage?: Storage; now?: Date } = {},
): Promise<{ invoiceId: string; number: string; emails: number }> {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId)).for("update");
  if (!invoice) throw new NotFoundError("That invoice");
  if (invoice.state !== "draft") throw new ConflictError(`This invoice is already ${invoice.state}.`);

  // A charge waived since the draft gathered it is not billed: its line goes, the totals follow.
  const waived = await tx
    .select({ id: invoiceLines.id })
    .from(invoiceLines)
    .innerJoin(charges, eq(charges.id, invoiceLines.chargeId))
    .where(and(eq(invoiceLines.invoiceId, invoice.id), isNotNull(charges.waivedAt)));
  if (waived.length > 0)
    await tx.delete(invoiceLines).where(
      inArray(
        invoiceLines.id,
        waived.map((line) => line.id),
      ),
    );
  const lines = await loadInvoiceLines(tx, invoice.id);
  if (lines.length === 0)
    throw new UserFacingError(
      "conflict",
      "Every charge on this draft was waived since it was made: void the draft instead.",
    );
  const subtotalMinor = lines.reduce((sum, line) => sum + line.amountMinor, 0);
  const taxMinor = lines.reduce((sum, line) => sum + line.taxMinor, 0);

  const settings = billingSettings();
  const now = options.now ?? new Date();
  const dueAt = new Date(now.getTime() + settings.paymentDays * 24 * 60 * 60 * 1000);
  const billedTo = await organizationName(tx, invoice.organizationId);
  // From here the counter row is locked until the transaction ends.
  const number = await takeInvoiceNumber(tx, "INV", yearIn(now, settings.timeZone));
  const issued = {
    ...invoice,
    number,
    issuedAt: now,
    dueAt,
    subtotalMinor,
    taxMinor,
    totalMinor: subtotalMinor + taxMinor,
  };
  const pdf = await renderInvoicePdf(invoicePdfModel(issued, billedTo, lines, settings));
  const pdfKey = invoicePdfKey(invoice.organizationId, invoice.id, number);
  try {
    await putInvoicePdf(pdfKey, pdf, options.storage ?? getStorage());
  } catch {
    throw new UserFacingError(
      "upstream_unavailable",
      "The object store did not take the invoice's PDF; the invoice is still a draft — try Issue again.",
    );
  }

  await tx
    .update(invoices)
    .set({
      state: "issued",
      number,
      issuedAt: now,
      dueAt,
      pdfKey,
      subtotalMinor,
      taxMinor,
      totalMinor: issued.totalMinor,
      updatedAt: now,
    })
    .where(eq(invoices.id, invoice.id));
  const emails = await queueInvoiceEmails(tx, {
    kind: "invoice_issued",
    invoice: { ...issued, pdfKey },
    organizationName: billedTo,
    settings,
  });
  await audit({
    action: "invoice.issued",
    resourceType: "invoice",
    resourceId: invoice.id,
    metadata: {
      number,
      organizationId: invoice.organizationId,
      lines: lines.length,
      droppedWaivedLines: waived.length,
      currency: invoice.currency,
      totalMinor: issued.totalMinor,
      emailedTo: emails,
    },
  });
  return { invoiceId: invoice.id, number, emails };
}
