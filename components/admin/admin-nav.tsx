import { ADMIN_SECTIONS } from "@/components/shell/admin-sections";
import { NavLinks } from "@/components/shell/nav-links";

/** The admin console's sections; the open one is marked (aria-current, bold and underlined). */
export function AdminNav() {
  return (
    <nav
      aria-label="Administration"
      className="mb-6 flex flex-wrap items-center gap-2 border-b border-slate-200 pb-3 text-sm"
    >
      <span className="mr-2 font-semibold text-slate-600">Administration</span>
      <NavLinks
        items={ADMIN_SECTIONS}
        className="inline-flex min-h-6 items-center rounded px-2 py-1 hover:bg-slate-100 hover:text-indigo-700"
        currentClassName="bg-indigo-50 font-semibold text-indigo-800 underline decoration-2 underline-offset-4"
        otherClassName="text-slate-700"
      />
    </nav>
  );
}
