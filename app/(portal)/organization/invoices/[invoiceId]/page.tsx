import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InvoiceSummary } from "@/components/billing/invoice-summary";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { getInvoiceDetail } from "@/lib/billing/invoices/get-invoice";
import { invoiceDetailView } from "@/lib/billing/invoices/invoice-view";

export const metadata: Metadata = { title: "Invoice" };

/** One invoice of the viewer's organization; anyone the policy does not let see it gets a 404. */
export default async function OrganizationInvoicePage({
  params,
}: {
  params: Promise<{ invoiceId: string }>;
}) {
  const actor = await requireActor();
  const { invoiceId } = await params;
  const detail = await getInvoiceDetail(getDb(), actor, invoiceId);
  if (!detail) notFound();
  return (
    <section className="flex flex-col gap-6">
      <Link href="/organization/invoices" className="text-sm text-indigo-700 underline hover:no-underline">
        ← Invoices
      </Link>
      <InvoiceSummary invoice={invoiceDetailView(detail)} showStages={false} />
    </section>
  );
}
