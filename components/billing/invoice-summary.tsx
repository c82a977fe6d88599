import type { InvoiceDetailView } from "@/lib/billing/invoices/invoice-view";
import { InvoiceStateBadge } from "./invoice-state-badge";

/** An invoice's facts, its lines and totals, and its PDF downloads. */
export function InvoiceSummary({ invoice, showStages }: { invoice: InvoiceDetailView; showStages: boolean }) {
  const facts: [string, string][] = [
    ["Billed to", invoice.organizationName],
    ["Period", invoice.period],
    ["Issued", invoice.issued],
    ["Due", invoice.due],
  ];
  if (invoice.paid) facts.push(["Paid", invoice.paid]);
  if (invoice.voided) facts.push(["Voided", `${invoice.voided} — ${invoice.voidReason ?? ""}`]);
  const pdf = `/api/invoices/${invoice.id}/pdf`;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold" data-testid="invoice-number">
          {invoice.number}
        </h1>
        <InvoiceStateBadge state={invoice.state} label={invoice.stateLabel} />
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-medium text-slate-600">{label}</dt>
            <dd className="mb-1 sm:mb-0">{value}</dd>
          </div>
        ))}
      </dl>
      {(invoice.hasPdf || invoice.creditNote) && (
        <p className="flex flex-wrap gap-4 text-sm">
          {invoice.hasPdf && (
            <a href={pdf} className="font-medium text-indigo-700 underline" data-testid="invoice-download">
              Download {invoice.number}.pdf
            </a>
          )}
          {invoice.creditNote && (
            <a
              href={`${pdf}?document=credit_note`}
              className="font-medium text-indigo-700 underline"
              data-testid="credit-note-download"
            >
              Download credit note {invoice.creditNote.number}.pdf
            </a>
          )}
        </p>
      )}
      {invoice.creditNote && (
        <p className="rounded-md bg-rose-50 p-3 text-sm text-rose-900">
          Credited by {invoice.creditNote.number} on {invoice.creditNote.issued} ({invoice.creditNote.total}):{" "}
          {invoice.creditNote.reason}
        </p>
      )}
      <div className="relative overflow-x-auto rounded-md border border-slate-200 bg-white">
        <table className="w-full text-left text-sm" data-testid="invoice-lines">
          <caption className="sr-only">Lines of {invoice.number}</caption>
          <thead className="bg-slate-50 text-xs text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                Examination
              </th>
              <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                Item
              </th>
              {showStages && (
                <th scope="col" className="hidden px-3 py-2 sm:table-cell">
                  Booking stage
                </th>
              )}
              <th scope="col" className="px-3 py-2 text-right">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {invoice.lines.map((line) => (
              <tr key={line.id} className="border-t border-slate-100 align-top">
                <td className="px-3 py-2">
                  <span className="block">{line.date}</span>
                  <span className="block text-slate-600">
                    {line.examinee} · {line.specialist}
                  </span>
                  {/* On a phone the item column is hidden: its kind goes here. */}
                  <span className="block font-medium sm:hidden">{line.kind}</span>
                  <a href={`/bookings/${line.bookingId}`} className="text-xs text-indigo-700 underline">
                    Booking {line.bookingId}
                  </a>
                </td>
                <td className="hidden px-3 py-2 sm:table-cell">
                  <span className="block">{line.kind}</span>
                  <span className="block text-slate-600">{line.description}</span>
                </td>
                {showStages && (
                  <td className="hidden px-3 py-2 sm:table-cell" data-testid="line-booking-stage">
                    {line.bookingStage}
                  </td>
                )}
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
                  {line.amount}
                  <span className="block text-xs text-slate-600">tax {line.tax}</span>
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot className="border-t border-slate-200 text-sm">
            {(
              [
                ["Subtotal", invoice.subtotal],
                ["Tax", invoice.tax],
                ["Total", invoice.total],
              ] as const
            ).flatMap(([label, value]) =>
              // A phone shows two columns (the others are hidden): a label spanning hidden columns
              // would widen the table past the screen, so each total has a row per layout.
              [
                { key: `${label}-phone`, row: "sm:hidden", span: 1 },
                { key: `${label}-wide`, row: "hidden sm:table-row", span: showStages ? 3 : 2 },
              ].map(({ key, row, span }) => (
                <tr key={key} className={row}>
                  <th scope="row" colSpan={span} className="px-3 py-1 text-right font-medium">
                    {label}
                  </th>
                  <td className="px-3 py-1 text-right font-medium whitespace-nowrap tabular-nums">{value}</td>
                </tr>
              )),
            )}
          </tfoot>
        </table>
      </div>
    </div>
  );
}
