import Link from "next/link";

export const ADMIN_SECTIONS = [
  { href: "/admin/users", label: "Users" },
  { href: "/admin/organizations", label: "Organizations" },
  { href: "/admin/specialists", label: "Specialists" },
  { href: "/admin/bookings", label: "Bookings" },
  { href: "/admin/audit", label: "Audit trail" },
  { href: "/admin/outbox", label: "Outbox" },
] as const;

export function AdminNav() {
  return (
    <nav aria-label="Administration" className="mb-6 flex flex-wrap gap-2 border-b border-slate-200 pb-3 text-sm">
      <span className="mr-2 font-semibold text-slate-500">Administration</span>
      {ADMIN_SECTIONS.map((section) => (
        <Link key={section.href} href={section.href} className="rounded px-2 py-0.5 text-slate-700 hover:bg-slate-100 hover:text-indigo-700">
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
