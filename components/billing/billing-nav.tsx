import { NavLinks } from "@/components/shell/nav-links";
import { BILLING_SECTIONS } from "./billing-sections";

/** Admin → Billing's sections; the open one is marked (aria-current, bold and a darker border). */
export function BillingNav() {
  return (
    <nav aria-label="Billing" className="mb-4 flex flex-wrap gap-2 text-sm">
      <NavLinks
        items={BILLING_SECTIONS}
        className="inline-flex min-h-6 items-center rounded-md border bg-white px-3 py-1 hover:border-indigo-300 hover:text-indigo-700"
        currentClassName="border-indigo-700 font-semibold text-indigo-800 underline underline-offset-4"
        otherClassName="border-slate-200 text-slate-700"
      />
    </nav>
  );
}
