import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/admin/action-form";
import { RecordedReasonField } from "@/components/admin/recorded-reason-field";
import { BillingContacts } from "@/components/billing/billing-contacts";
import { InvoiceSummary } from "@/components/billing/invoice-summary";
import { getDb } from "@/db/client";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { billingRecipients } from "@/lib/billing/invoices/billing-recipients";
import { getInvoiceDetail } from "@/lib/billing/invoices/get-invoice";
import { invoiceDetailView } from "@/lib/billing/invoices/invoice-view";
import { listBillingContacts } from "@/lib/billing/invoices/list-billing-contacts";
import {
  addBillingContactAction,
  issueInvoiceAction,
  markInvoicePaidAction,
  removeBillingContactAction,
  resendInvoiceAction,
  voidInvoiceAction,
} from "../actions";

export const metadata: Metadata = { title: "Invoice" };

export default async function AdminInvoicePage({ params }: { params: Promise<{ invoiceId: string }> }) {
  const actor = await requireAdminConsole();
  const { invoiceId } = await params;
  const db = getDb();
  const detail = await getInvoiceDetail(db, actor, invoiceId);
  if (!detail) notFound();
  const invoice = invoiceDetailView(detail);
  const [recipients, contacts] = await Promise.all([
    billingRecipients(db, invoice.organizationId),
    listBillingContacts(db, invoice.organizationId),
  ]);
  const hidden = <input type="hidden" name="invoiceId" value={invoice.id} />;
  return (
    <section className="flex flex-col gap-6">
      <Link href="/admin/billing/invoices" className="text-sm text-indigo-700 underline hover:no-underline">
        ← Invoices
      </Link>
      <InvoiceSummary invoice={invoice} showStages />

      <section aria-labelledby="invoice-actions" className="flex flex-col gap-3">
        <h2 id="invoice-actions" className="text-lg font-semibold">
          Actions
        </h2>
        {invoice.state === "draft" && (
          <ActionForm
            action={issueInvoiceAction}
            submitLabel="Issue invoice"
            pendingLabel="Issuing…"
            confirmText={`Issue this invoice to ${invoice.organizationName}? It gets its number and is e-mailed to ${recipients.length} recipient(s).`}
            testId="issue-invoice"
          >
            {hidden}
          </ActionForm>
        )}
        {invoice.state === "issued" && (
          <>
            <ActionForm
              action={markInvoicePaidAction}
              submitLabel="Mark paid"
              pendingLabel="Marking paid…"
              confirmText="Mark this invoice paid? Its examinations' bookings move to Paid."
              testId="mark-invoice-paid"
            >
              {hidden}
              <p className="w-full text-sm text-slate-600">
                Moves each examination on it from Report generated to Paid; a booking at another stage is left
                as it is (the Booking stage column shows where each one is).
              </p>
            </ActionForm>
          </>
        )}
        {(invoice.state === "issued" || invoice.state === "paid" || invoice.creditNote) && (
          <ActionForm
            action={resendInvoiceAction}
            submitLabel={invoice.creditNote ? "Send the credit note again" : "Send again"}
            pendingLabel="Queuing…"
            variant="secondary"
            successText="Queued for the owners and billing contacts."
          >
            {hidden}
          </ActionForm>
        )}
        {(invoice.state === "draft" || invoice.state === "issued") && (
          <ActionForm
            action={voidInvoiceAction}
            submitLabel={invoice.state === "draft" ? "Void draft" : "Void and issue a credit note"}
            pendingLabel="Voiding…"
            variant="danger"
            confirmText={
              invoice.state === "draft"
                ? "Void this draft? Its charges are free to be billed again."
                : "Void this invoice? A credit note is issued and e-mailed, and its charges are free to be billed again."
            }
          >
            {hidden}
            <RecordedReasonField label="Reason (printed on the credit note)" maxLength={1000} width="w-72" />
          </ActionForm>
        )}
      </section>

      <BillingContacts
        organizationId={invoice.organizationId}
        organizationName={invoice.organizationName}
        owners={recipients.filter((recipient) => recipient.userId).map((recipient) => recipient.email)}
        contacts={contacts}
        addAction={addBillingContactAction}
        removeAction={removeBillingContactAction}
      />
    </section>
  );
}
