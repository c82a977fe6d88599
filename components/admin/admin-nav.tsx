import Link from "next/link";
import { ADMIN_SECTIONS } from "@/components/shell/admin-sections";

export function AdminNav() {
  return (
    <nav
      aria-label="Administration"
      className="mb-6 flex flex-wrap gap-2 border-b border-slate-200 pb-3 text-sm"
    >
      <span className="mr-2 font-semibold text-slate-500">Administration</span>
      {ADMIN_SECTIONS.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          className="rounded px-2 py-0.5 text-slate-700 hover:bg-slate-100 hover:text-indigo-700"
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
