/**
 * The invoice actions of Admin → Billing → Invoices. Each page's actions.ts wraps these with
 * defineAction; every one is an admin-console action (canManageInvoices), audited in its
 * transaction.
 */
import { eq } from "drizzle-orm";
import { creditNotes, invoices } from "@/db/schema";
import { ConflictError, NotFoundError } from "@/lib/actions/errors";
import type { ActionDefinition } from "@/lib/actions/define-action";
import { canManageInvoices } from "@/lib/authz/policy";
import type { z } from "zod";
import { billingSettings } from "./billing-settings";
import { createInvoiceDraft } from "./create-draft";
import { organizationName } from "./invoice-document";
import { issueInvoice } from "./issue-invoice";
import { markInvoicePaid } from "./mark-invoice-paid";
import { queueInvoiceEmails } from "./queue-invoice-emails";
import { createDraftSchema, invoiceIdSchema, voidInvoiceSchema } from "./schemas";
import { voidInvoice } from "./void-invoice";

function invoiceAction<Schema extends z.ZodType, Output>(
  definition: Omit<ActionDefinition<Schema, Output, true>, "authorize" | "form">,
): ActionDefinition<Schema, Output, true> {
  return { ...definition, authorize: canManageInvoices, form: true };
}

export const createInvoiceDraftDefinition = invoiceAction({
  input: createDraftSchema,
  run: (context, input) => createInvoiceDraft(context, input),
});

export const issueInvoiceDefinition = invoiceAction({
  input: invoiceIdSchema,
  run: (context, input) => issueInvoice(context, input),
});

export const voidInvoiceDefinition = invoiceAction({
  input: voidInvoiceSchema,
  run: (context, input) => voidInvoice(context, input),
});

export const markInvoicePaidDefinition = invoiceAction({
  input: invoiceIdSchema,
  run: (context, input) => markInvoicePaid(context, input),
});

/** Sends an issued (or paid) invoice's e-mail again to today's billing recipients; a void one's credit note. */
export const resendInvoiceDefinition = invoiceAction({
  input: invoiceIdSchema,
  run: async ({ tx, audit }, input) => {
    const [invoice] = await tx.select().from(invoices).where(eq(invoices.id, input.invoiceId));
    if (!invoice) throw new NotFoundError("That invoice");
    const settings = billingSettings();
    const billedTo = await organizationName(tx, invoice.organizationId);
    let emails: number;
    if (invoice.state === "void") {
      const [note] = await tx.select().from(creditNotes).where(eq(creditNotes.invoiceId, invoice.id));
      if (!note) throw new ConflictError("A voided draft was never sent: there is nothing to send again.");
      emails = await queueInvoiceEmails(tx, {
        kind: "credit_note_issued",
        invoice: {
          ...invoice,
          number: note.number,
          creditsNumber: invoice.number,
          totalMinor: note.totalMinor,
          dueAt: null,
          pdfKey: note.pdfKey,
        },
        organizationName: billedTo,
        settings,
      });
    } else {
      if (!invoice.number || !invoice.pdfKey) throw new ConflictError("Issue the invoice before sending it.");
      emails = await queueInvoiceEmails(tx, {
        kind: "invoice_issued",
        invoice: { ...invoice, number: invoice.number, pdfKey: invoice.pdfKey },
        organizationName: billedTo,
        settings,
      });
    }
    await audit({
      action: "invoice.resent",
      resourceType: "invoice",
      resourceId: invoice.id,
      metadata: { number: invoice.number, state: invoice.state, emails },
    });
    return { emails };
  },
});
