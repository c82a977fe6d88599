/**
 * Invoices as the viewer may see them. The SQL twin of canViewInvoice: platform admins see
 * every invoice; everyone else only the issued, paid or void invoices of organizations they own
 * or administer (a draft is the provider's work in progress). Nobody else sees any.
 */
import { and, desc, eq, gte, inArray, lte, ne, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { creditNotes, invoices, organizations } from "@/db/schema";
import type { InvoiceState } from "@/db/schema/invoices";
import type { Actor } from "@/lib/authz/actor";
import { invoiceOrganizationsOf, isPlatformAdmin } from "@/lib/authz/policy";
import type { InvoiceListFilter } from "./schemas";

export interface InvoiceListRow {
  id: string;
  organizationId: string;
  organizationName: string;
  state: InvoiceState;
  number: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  bookingId: string | null;
  currency: string;
  totalMinor: number;
  issuedAt: Date | null;
  dueAt: Date | null;
  paidAt: Date | null;
  createdAt: Date;
  creditNoteNumber: string | null;
}

/** The condition every invoice query of a viewer carries; `false` when they may see none. */
export function invoiceVisibilityCondition(actor: Actor): SQL {
  if (isPlatformAdmin(actor)) return sql`true`;
  const organizationIds = invoiceOrganizationsOf(actor);
  if (organizationIds.length === 0) return sql`false`;
  return and(inArray(invoices.organizationId, organizationIds), ne(invoices.state, "draft")) ?? sql`false`;
}

export const INVOICE_LIST_LIMIT = 200;

export async function listInvoices(
  db: DbOrTx,
  actor: Actor,
  filter: Partial<InvoiceListFilter> = {},
): Promise<InvoiceListRow[]> {
  // A period filter keeps invoices whose period overlaps it (one-booking invoices: their creation day).
  const periodStart = sql`coalesce(${invoices.periodStart}, ${invoices.createdAt}::date)`;
  const periodEnd = sql`coalesce(${invoices.periodEnd}, ${invoices.createdAt}::date)`;
  return db
    .select({
      id: invoices.id,
      organizationId: invoices.organizationId,
      organizationName: organizations.name,
      state: invoices.state,
      number: invoices.number,
      periodStart: invoices.periodStart,
      periodEnd: invoices.periodEnd,
      bookingId: invoices.bookingId,
      currency: invoices.currency,
      totalMinor: invoices.totalMinor,
      issuedAt: invoices.issuedAt,
      dueAt: invoices.dueAt,
      paidAt: invoices.paidAt,
      createdAt: invoices.createdAt,
      creditNoteNumber: creditNotes.number,
    })
    .from(invoices)
    .innerJoin(organizations, eq(organizations.id, invoices.organizationId))
    .leftJoin(creditNotes, eq(creditNotes.invoiceId, invoices.id))
    .where(
      and(
        invoiceVisibilityCondition(actor),
        filter.organizationId ? eq(invoices.organizationId, filter.organizationId) : undefined,
        filter.state ? eq(invoices.state, filter.state) : undefined,
        filter.from ? gte(periodEnd, filter.from) : undefined,
        filter.to ? lte(periodStart, filter.to) : undefined,
      ),
    )
    .orderBy(desc(invoices.createdAt), desc(invoices.id))
    .limit(INVOICE_LIST_LIMIT);
}
