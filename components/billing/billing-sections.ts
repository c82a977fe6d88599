/** Admin → Billing's own sections: one list for its sub-navigation (components/billing/billing-nav.tsx). */
export const BILLING_SECTIONS = [
  { href: "/admin/billing/fee-schedules", label: "Fee schedules" },
  { href: "/admin/billing/invoices", label: "Invoices" },
] as const;
