import type { InvoiceState } from "@/db/schema/invoices";

const STYLES: Record<InvoiceState, string> = {
  draft: "bg-slate-100 text-slate-800",
  issued: "bg-amber-100 text-amber-900",
  paid: "bg-emerald-100 text-emerald-900",
  void: "bg-rose-100 text-rose-900",
};

export function InvoiceStateBadge({ state, label }: { state: InvoiceState; label: string }) {
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-medium ${STYLES[state]}`} data-testid="invoice-state">
      {label}
    </span>
  );
}
