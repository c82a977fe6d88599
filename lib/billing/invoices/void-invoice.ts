/**
 * Voiding. A draft has no number and went nowhere: it just releases its charges. An issued
 * invoice was sent, so it is credited: a credit note with its own gapless series (CN), the
 * same amounts, its PDF rendered and uploaded before the commit like the invoice's, and
 * e-mailed to the same recipients; its charges are released to be billed again. A paid invoice
 * is not voided here: money was received, and its bookings moved on.
 */
import { eq } from "drizzle-orm";
import { creditNotes, invoiceLines, invoices } from "@/db/schema";
import { ConflictError, NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { dateLabel } from "@/lib/time/people-time";
import { getStorage, type Storage } from "@/lib/storage/client";
import { billingSettings } from "./billing-settings";
import type { DraftContext } from "./create-draft";
import { loadInvoiceLines, organizationName, pdfLinesOf, periodLabel } from "./invoice-document";
import { invoicePdfKey, putInvoicePdf } from "./invoice-pdf-store";
import { yearIn } from "./issue-invoice";
import { takeInvoiceNumber } from "./numbering";
import { queueInvoiceEmails } from "./queue-invoice-emails";
import { renderInvoicePdf } from "./render-invoice-pdf";
import type { VoidInvoiceInput } from "./schemas";

export async function voidInvoice(
  { tx, actor, audit }: DraftContext,
  input: VoidInvoiceInput,
  options: { storage?: Storage; now?: Date } = {},
): Promise<{ invoiceId: string; creditNoteNumber: string | null }> {
  const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId)).for("update");
  if (!invoice) throw new NotFoundError("That invoice");
  if (invoice.state === "void") throw new ConflictError("This invoice is already void.");
  if (invoice.state === "paid")
    throw new UserFacingError(
      "conflict",
      "A paid invoice cannot be voided: the money was received and its bookings were marked paid.",
    );
  const now = options.now ?? new Date();
  let creditNoteNumber: string | null = null;

  if (invoice.state === "issued" && invoice.number && invoice.issuedAt) {
    const settings = billingSettings();
    const billedTo = await organizationName(tx, invoice.organizationId);
    const lines = await loadInvoiceLines(tx, invoice.id);
    // From here the credit note counter row is locked until the transaction ends.
    creditNoteNumber = await takeInvoiceNumber(tx, "CN", yearIn(now, settings.timeZone));
    const pdf = await renderInvoicePdf({
      kind: "credit_note",
      number: creditNoteNumber,
      creditsNumber: invoice.number,
      provider: settings.provider,
      billedTo: { name: billedTo },
      issueDate: dateLabel(now, settings.timeZone, "date"),
      period: periodLabel(invoice.periodStart, invoice.periodEnd),
      reason: input.reason,
      currency: invoice.currency,
      lines: pdfLinesOf(lines, settings).map((line) => ({ ...line, amountMinor: -line.amountMinor })),
      subtotalMinor: -invoice.subtotalMinor,
      taxMinor: -invoice.taxMinor,
      totalMinor: -invoice.totalMinor,
    });
    const pdfKey = invoicePdfKey(invoice.organizationId, invoice.id, creditNoteNumber);
    try {
      await putInvoicePdf(pdfKey, pdf, options.storage ?? getStorage());
    } catch {
      throw new UserFacingError(
        "upstream_unavailable",
        "The object store did not take the credit note's PDF; the invoice is unchanged — try again.",
      );
    }
    await tx.insert(creditNotes).values({
      invoiceId: invoice.id,
      number: creditNoteNumber,
      reason: input.reason,
      subtotalMinor: -invoice.subtotalMinor,
      taxMinor: -invoice.taxMinor,
      totalMinor: -invoice.totalMinor,
      currency: invoice.currency,
      pdfKey,
      issuedAt: now,
      issuedById: actor.userId,
    });
    await queueInvoiceEmails(tx, {
      kind: "credit_note_issued",
      invoice: {
        id: invoice.id,
        organizationId: invoice.organizationId,
        number: creditNoteNumber,
        creditsNumber: invoice.number,
        currency: invoice.currency,
        totalMinor: -invoice.totalMinor,
        dueAt: null,
        periodStart: invoice.periodStart,
        periodEnd: invoice.periodEnd,
        pdfKey,
      },
      organizationName: billedTo,
      settings,
    });
  }

  await tx.update(invoiceLines).set({ live: false }).where(eq(invoiceLines.invoiceId, invoice.id));
  await tx
    .update(invoices)
    .set({ state: "void", voidedAt: now, voidedById: actor.userId, voidReason: input.reason, updatedAt: now })
    .where(eq(invoices.id, invoice.id));
  await audit({
    action: "invoice.voided",
    resourceType: "invoice",
    resourceId: invoice.id,
    metadata: { number: invoice.number, from: invoice.state, creditNoteNumber, reason: input.reason },
  });
  return { invoiceId: invoice.id, creditNoteNumber };
}
