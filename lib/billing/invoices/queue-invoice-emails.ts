import type { Tx } from "@/db/client";
import type { InvoiceEmailPayload } from "@/lib/email/email-payloads";
import { queueEmail } from "@/lib/email/queue-email";
import { dateLabel } from "@/lib/time/people-time";
import { billingRecipients } from "./billing-recipients";
import type { BillingSettings } from "./billing-settings";
import { formatAmount } from "./format-amount";
import { periodLabel } from "./invoice-document";

export interface IssuedDocument {
  id: string;
  organizationId: string;
  number: string;
  currency: string;
  totalMinor: number;
  dueAt: Date | null;
  periodStart: string | null;
  periodEnd: string | null;
  pdfKey: string;
  /** For a credit note: the invoice it credits. */
  creditsNumber?: string | null;
}

/**
 * One e-mail per billing recipient (owners and billing contacts), queued in the issuing
 * transaction: nothing is sent for a rollback, and the worker attaches the stored PDF. Returns
 * how many were queued (none when the organization has neither: the invoice is in the portal).
 */
export async function queueInvoiceEmails(
  tx: Tx,
  input: {
    kind: "invoice_issued" | "credit_note_issued";
    invoice: IssuedDocument;
    organizationName: string;
    settings: BillingSettings;
  },
): Promise<number> {
  const { invoice, settings } = input;
  const payload: InvoiceEmailPayload = {
    invoiceId: invoice.id,
    number: invoice.number,
    creditsNumber: invoice.creditsNumber ?? null,
    providerName: settings.provider.name,
    organizationName: input.organizationName,
    total: formatAmount(invoice.totalMinor, invoice.currency),
    dueDate: invoice.dueAt ? dateLabel(invoice.dueAt, settings.timeZone, "date") : null,
    period: periodLabel(invoice.periodStart, invoice.periodEnd),
    pdfKey: invoice.pdfKey,
    fileName: `${invoice.number}.pdf`,
  };
  const recipients = await billingRecipients(tx, invoice.organizationId);
  for (const recipient of recipients) {
    await queueEmail(tx, {
      kind: input.kind,
      toAddress: recipient.email,
      recipientUserId: recipient.userId,
      payload: { ...payload },
    });
  }
  return recipients.length;
}
