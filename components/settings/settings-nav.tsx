import Link from "next/link";

const SECTIONS = [
  { href: "/settings/notifications", label: "Notifications" },
  { href: "/settings/security", label: "Security" },
  { href: "/settings/two-factor", label: "Two-factor" },
] as const;

/** The settings pages, one "Settings" link in the header away: which one is open is marked. */
export function SettingsNav({ current }: { current: (typeof SECTIONS)[number]["href"] }) {
  return (
    <nav aria-label="Settings" className="mb-6 flex flex-wrap gap-4 border-b border-slate-200 text-sm">
      {SECTIONS.map((section) => (
        <Link
          key={section.href}
          href={section.href}
          aria-current={section.href === current ? "page" : undefined}
          className={`-mb-px inline-flex min-h-6 items-center border-b-2 px-1 pt-1 pb-2 ${
            section.href === current
              ? "border-indigo-600 font-semibold text-indigo-800"
              : "border-transparent text-slate-700 hover:text-indigo-700"
          }`}
        >
          {section.label}
        </Link>
      ))}
    </nav>
  );
}
