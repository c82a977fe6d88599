import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BillingContacts } from "@/components/billing/billing-contacts";
import { InvoiceTable } from "@/components/billing/invoice-table";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { canSeeOrganizationInvoices, invoiceOrganizationsOf } from "@/lib/authz/policy";
import { billingRecipients } from "@/lib/billing/invoices/billing-recipients";
import { organizationChoices } from "@/lib/billing/invoices/billing-organizations";
import { invoiceRowView } from "@/lib/billing/invoices/invoice-view";
import { listBillingContacts } from "@/lib/billing/invoices/list-billing-contacts";
import { listInvoices } from "@/lib/billing/invoices/list-invoices";
import { addBillingContactAction, removeBillingContactAction } from "./actions";

export const metadata: Metadata = { title: "Invoices" };

/** The invoices of the organizations the viewer owns or administers, and where they are e-mailed. */
export default async function OrganizationInvoicesPage() {
  const actor = await requireActor();
  if (!canSeeOrganizationInvoices(actor)) notFound();
  const db = getDb();
  const organizations = await organizationChoices(db, invoiceOrganizationsOf(actor));
  const rows = await listInvoices(db, actor);
  const contactSections = await Promise.all(
    organizations.map(async (organization) => ({
      organization,
      recipients: await billingRecipients(db, organization.id),
      contacts: await listBillingContacts(db, organization.id),
    })),
  );
  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Invoices</h1>
        <p className="mt-1 text-sm text-slate-600">
          The invoices and credit notes issued to{" "}
          {organizations.map((organization) => organization.name).join(", ")}. Open one to see its lines and
          download its PDF.
        </p>
      </div>
      <InvoiceTable
        rows={rows.map(invoiceRowView)}
        hrefBase="/organization/invoices"
        showOrganization={organizations.length > 1}
      />
      {contactSections.map(({ organization, recipients, contacts }) => (
        <BillingContacts
          key={organization.id}
          organizationId={organization.id}
          organizationName={organization.name}
          owners={recipients.filter((recipient) => recipient.userId).map((recipient) => recipient.email)}
          contacts={contacts}
          addAction={addBillingContactAction}
          removeAction={removeBillingContactAction}
        />
      ))}
    </section>
  );
}
