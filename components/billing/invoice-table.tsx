import Link from "next/link";
import type { InvoiceRowView } from "@/lib/billing/invoices/invoice-view";
import { InvoiceStateBadge } from "./invoice-state-badge";

/** A list of invoices; each number opens the invoice under `hrefBase`. On a phone: one card per invoice. */
export function InvoiceTable({
  rows,
  hrefBase,
  showOrganization,
}: {
  rows: InvoiceRowView[];
  hrefBase: string;
  showOrganization: boolean;
}) {
  if (rows.length === 0) return <p className="text-sm text-slate-600">No invoices match.</p>;
  return (
    <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white">
      <table className="w-full text-left text-sm" data-testid="invoice-table">
        <caption className="sr-only">Invoices</caption>
        <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
          <tr>
            <th scope="col" className="px-3 py-2">
              Number
            </th>
            {showOrganization && (
              <th scope="col" className="px-3 py-2">
                Organization
              </th>
            )}
            <th scope="col" className="px-3 py-2">
              State
            </th>
            <th scope="col" className="hidden px-3 py-2 sm:table-cell">
              Period
            </th>
            <th scope="col" className="hidden px-3 py-2 md:table-cell">
              Issued
            </th>
            <th scope="col" className="hidden px-3 py-2 md:table-cell">
              Due
            </th>
            <th scope="col" className="px-3 py-2 text-right">
              Total
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} className="border-t border-slate-100" data-testid="invoice-row">
              <td className="px-3 py-2">
                <Link href={`${hrefBase}/${row.id}`} className="font-medium text-indigo-700 underline">
                  {row.number}
                </Link>
                {row.creditNoteNumber && (
                  <span className="block text-xs text-slate-600">Credited by {row.creditNoteNumber}</span>
                )}
              </td>
              {showOrganization && <td className="px-3 py-2">{row.organizationName}</td>}
              <td className="px-3 py-2">
                <InvoiceStateBadge state={row.state} label={row.stateLabel} />
              </td>
              <td className="hidden px-3 py-2 sm:table-cell">{row.period}</td>
              <td className="hidden px-3 py-2 md:table-cell">{row.issued}</td>
              <td className="hidden px-3 py-2 md:table-cell">{row.due}</td>
              <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{row.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
