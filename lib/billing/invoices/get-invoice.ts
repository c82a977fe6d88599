import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { creditNotes, invoices, organizations } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { canViewInvoice } from "@/lib/authz/policy";
import { loadInvoiceLines, type InvoiceDocumentLine, type InvoiceRow } from "./invoice-document";
import { invoiceVisibilityCondition } from "./list-invoices";

export interface InvoiceDetail {
  invoice: InvoiceRow;
  organizationName: string;
  lines: InvoiceDocumentLine[];
  creditNote: typeof creditNotes.$inferSelect | null;
}

/** One invoice with its lines, or null when it does not exist or is not the viewer's to see. */
export async function getInvoiceDetail(
  db: DbOrTx,
  actor: Actor,
  invoiceId: string,
): Promise<InvoiceDetail | null> {
  const [row] = await db
    .select({ invoice: invoices, organizationName: organizations.name })
    .from(invoices)
    .innerJoin(organizations, eq(organizations.id, invoices.organizationId))
    .where(and(eq(invoices.id, invoiceId), invoiceVisibilityCondition(actor)));
  // The policy decides; the SQL condition only saves loading what it would refuse.
  if (!row || !canViewInvoice(actor, row.invoice)) return null;
  const [creditNote] = await db.select().from(creditNotes).where(eq(creditNotes.invoiceId, invoiceId));
  return {
    invoice: row.invoice,
    organizationName: row.organizationName,
    lines: await loadInvoiceLines(db, invoiceId),
    creditNote: creditNote ?? null,
  };
}
