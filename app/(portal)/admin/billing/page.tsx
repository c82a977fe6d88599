import type { Metadata } from "next";
import Link from "next/link";
import { BILLING_SECTIONS } from "@/components/billing/billing-sections";
import { requireAdminConsole } from "@/lib/admin/require-admin";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage() {
  await requireAdminConsole();
  return (
    <section className="flex flex-col gap-3">
      <h1 className="text-2xl font-semibold">Billing</h1>
      <p className="text-sm text-slate-600">
        What examinations, late cancellations and no-shows cost, and what each organization is billed.
      </p>
      <ul className="list-disc pl-5 text-sm">
        {BILLING_SECTIONS.map((section) => (
          <li key={section.href}>
            {/* A list of links, not links in a sentence: each a 24 px target (WCAG 2.5.8). */}
            <Link
              href={section.href}
              className="inline-block py-1 text-indigo-700 underline hover:no-underline"
            >
              {section.label}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
