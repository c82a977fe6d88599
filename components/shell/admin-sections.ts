/** The admin console's sections: one list for its navigation and the main menu's entry point. */
export const ADMIN_SECTIONS = [
  // The console's home: today, overdue reports, what needs a person, and the charts.
  { href: "/admin", label: "Operations" },
  { href: "/admin/users", label: "Users" },
  { href: "/admin/organizations", label: "Organizations" },
  { href: "/admin/specialists", label: "Specialists" },
  { href: "/admin/bookings", label: "Bookings" },
  { href: "/admin/audit", label: "Audit trail" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/outbox", label: "Outbox" },
  // Fee schedules and invoices: its own sub-navigation (components/billing/billing-sections.ts).
  { href: "/admin/billing", label: "Billing" },
] as const;
