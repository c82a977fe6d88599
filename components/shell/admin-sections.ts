/** The admin console's sections: one list for its navigation and the main menu's entry point. */
export const ADMIN_SECTIONS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/organizations", label: "Organizations" },
  { href: "/admin/specialists", label: "Specialists" },
  { href: "/admin/bookings", label: "Bookings" },
  { href: "/admin/audit", label: "Audit trail" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/outbox", label: "Outbox" },
] as const;
