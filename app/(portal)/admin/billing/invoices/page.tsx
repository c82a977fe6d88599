import type { Metadata } from "next";
import { ActionForm } from "@/components/admin/action-form";
import { compactControlClass, FormField } from "@/components/ui/form-field";
import { InvoiceTable } from "@/components/billing/invoice-table";
import { getDb } from "@/db/client";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { organizationChoices } from "@/lib/billing/invoices/billing-organizations";
import { INVOICE_LIST_LIMIT, listInvoices } from "@/lib/billing/invoices/list-invoices";
import { invoiceListFilterSchema } from "@/lib/billing/invoices/schemas";
import {
  INVOICE_STATE_CHOICES,
  INVOICE_STATE_LABELS,
  invoiceRowView,
  previousMonth,
} from "@/lib/billing/invoices/invoice-view";
import { createInvoiceDraftAction } from "./actions";

export const metadata: Metadata = { title: "Invoices" };

export default async function AdminInvoicesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireAdminConsole();
  const filter = invoiceListFilterSchema.parse(await searchParams);
  const db = getDb();
  const [rows, organizations] = await Promise.all([listInvoices(db, actor, filter), organizationChoices(db)]);
  const lastMonth = previousMonth();
  return (
    <section className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-semibold">Invoices</h1>
        <p className="mt-1 text-sm text-slate-600">
          Draft an organization&apos;s unbilled charges for a period, check the draft, then issue it: it gets
          the next number, its PDF is stored and e-mailed to the organization&apos;s owners and billing
          contacts. Marking it paid moves its examinations&apos; bookings to Paid.
        </p>
      </div>

      <section aria-labelledby="draft-heading" className="rounded-md border border-slate-200 bg-white p-4">
        <h2 id="draft-heading" className="mb-2 text-lg font-semibold">
          Draft an invoice
        </h2>
        <ActionForm
          action={createInvoiceDraftAction}
          submitLabel="Draft invoice"
          pendingLabel="Gathering charges…"
          successText="Draft made: it is at the top of the list below."
          testId="draft-invoice-form"
        >
          <FormField label="Organization" name="organizationId" id="draft-organization" size="compact">
            <select name="organizationId" required className={compactControlClass} defaultValue="">
              <option value="" disabled>
                Choose…
              </option>
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="First day" name="periodStart" id="draft-period-start" size="compact">
            <input
              type="date"
              name="periodStart"
              defaultValue={lastMonth.periodStart}
              className={compactControlClass}
            />
          </FormField>
          <FormField label="Last day" name="periodEnd" id="draft-period-end" size="compact">
            <input
              type="date"
              name="periodEnd"
              defaultValue={lastMonth.periodEnd}
              className={compactControlClass}
            />
          </FormField>
          <FormField label="Or one booking (reference)" name="bookingId" id="draft-booking" size="compact">
            <input name="bookingId" autoComplete="off" className={compactControlClass} />
          </FormField>
          <FormField label="Currency (when several)" name="currency" id="draft-currency" size="compact">
            <input
              name="currency"
              autoComplete="off"
              maxLength={3}
              size={4}
              className={compactControlClass}
            />
          </FormField>
        </ActionForm>
      </section>

      <section aria-labelledby="list-heading" className="flex flex-col gap-3">
        <h2 id="list-heading" className="text-lg font-semibold">
          All invoices
        </h2>
        <form method="get" className="flex flex-wrap items-end gap-2" aria-label="Filter invoices">
          <FormField label="Organization" name="organizationId" id="filter-organization" size="compact">
            <select
              name="organizationId"
              defaultValue={filter.organizationId ?? ""}
              className={compactControlClass}
            >
              <option value="">Any</option>
              {organizations.map((organization) => (
                <option key={organization.id} value={organization.id}>
                  {organization.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="State" name="state" id="filter-state" size="compact">
            <select name="state" defaultValue={filter.state ?? ""} className={compactControlClass}>
              <option value="">Any</option>
              {INVOICE_STATE_CHOICES.map((state) => (
                <option key={state} value={state}>
                  {INVOICE_STATE_LABELS[state]}
                </option>
              ))}
            </select>
          </FormField>
          <FormField label="Period from" name="from" id="filter-from" size="compact">
            <input type="date" name="from" defaultValue={filter.from ?? ""} className={compactControlClass} />
          </FormField>
          <FormField label="Period to" name="to" id="filter-to" size="compact">
            <input type="date" name="to" defaultValue={filter.to ?? ""} className={compactControlClass} />
          </FormField>
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
          >
            Filter
          </button>
        </form>
        <InvoiceTable rows={rows.map(invoiceRowView)} hrefBase="/admin/billing/invoices" showOrganization />
        {rows.length === INVOICE_LIST_LIMIT && (
          <p className="text-sm text-slate-600">
            The newest {INVOICE_LIST_LIMIT} are listed: narrow the filter.
          </p>
        )}
      </section>

      <section aria-labelledby="export-heading" className="rounded-md border border-slate-200 bg-white p-4">
        <h2 id="export-heading" className="mb-1 text-lg font-semibold">
          Export for accounting
        </h2>
        <p className="mb-2 text-sm text-slate-600">
          A CSV of the invoices and credit notes issued in a period, one row per line (number, date, customer,
          description, net, tax, gross, currency).
        </p>
        <form method="get" action="/api/admin/invoices/export" className="flex flex-wrap items-end gap-2">
          <FormField label="Issued from" name="from" id="export-from" size="compact">
            <input
              type="date"
              name="from"
              required
              defaultValue={lastMonth.periodStart}
              className={compactControlClass}
            />
          </FormField>
          <FormField label="Issued to" name="to" id="export-to" size="compact">
            <input
              type="date"
              name="to"
              required
              defaultValue={lastMonth.periodEnd}
              className={compactControlClass}
            />
          </FormField>
          <button
            type="submit"
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50"
          >
            Download CSV
          </button>
        </form>
      </section>
    </section>
  );
}
