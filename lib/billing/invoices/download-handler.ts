/**
 * GET /api/invoices/<id>/pdf (?document=credit_note for its credit note): a one-minute link to
 * the stored PDF, audited, then a redirect to it — like a document download. An invoice the
 * viewer may not see, a draft (no PDF yet) and a credit note that does not exist are all 404.
 */
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { creditNotes, invoices } from "@/db/schema";
import { auditContextFor } from "@/lib/actions/request-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { requestInfoFromHeaders } from "@/lib/audit/request-context";
import type { Actor } from "@/lib/authz/actor";
import { canViewInvoice } from "@/lib/authz/policy";
import { failureResponse } from "@/lib/http/error-status";
import { getStorage, type Storage } from "@/lib/storage/client";
import { presignDownload } from "@/lib/storage/presign-download";
import { invoiceVisibilityCondition } from "./list-invoices";

const notFound = () => failureResponse({ code: "not_found", error: "Not found." });

export async function handleInvoiceDownload(
  request: Request,
  params: { invoiceId: string },
  resolveActor: () => Promise<Actor | null>,
  storage: Storage = getStorage(),
): Promise<Response> {
  const actor = await resolveActor();
  if (!actor || params.invoiceId.length > 255) return notFound();
  const creditNote = new URL(request.url).searchParams.get("document") === "credit_note";
  const db = getDb();
  const [invoice] = await db
    .select({
      id: invoices.id,
      organizationId: invoices.organizationId,
      state: invoices.state,
      number: invoices.number,
      pdfKey: invoices.pdfKey,
    })
    .from(invoices)
    .where(and(eq(invoices.id, params.invoiceId), invoiceVisibilityCondition(actor)));
  if (!invoice || !canViewInvoice(actor, invoice)) return notFound();
  let key = invoice.pdfKey;
  let number = invoice.number;
  if (creditNote) {
    const [note] = await db
      .select({ number: creditNotes.number, pdfKey: creditNotes.pdfKey })
      .from(creditNotes)
      .where(eq(creditNotes.invoiceId, invoice.id));
    key = note?.pdfKey ?? null;
    number = note?.number ?? null;
  }
  if (!key || !number) return notFound();

  const signed = await presignDownload({ key, fileName: `${number}.pdf` }, storage);
  await recordAudit(db, auditContextFor(actor, requestInfoFromHeaders(request.headers)), {
    action: "invoice.downloaded",
    resourceType: "invoice",
    resourceId: invoice.id,
    metadata: {
      number,
      organizationId: invoice.organizationId,
      document: creditNote ? "credit_note" : "invoice",
    },
  });
  return new Response(null, { status: 303, headers: { location: signed.url, "cache-control": "no-store" } });
}
