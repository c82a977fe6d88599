import { z } from "zod";
import { getDb } from "@/db/client";
import { auditContextFor } from "@/lib/actions/request-actor";
import { recordAudit } from "@/lib/audit/record-audit";
import { requestInfoFromHeaders } from "@/lib/audit/request-context";
import type { Actor } from "@/lib/authz/actor";
import { canManageInvoices } from "@/lib/authz/policy";
import { failureResponse } from "@/lib/http/error-status";
import { billingSettings } from "./billing-settings";
import { invoicesCsv } from "./export-csv";

const periodSchema = z
  .object({
    from: z.iso.date("from must be a date (YYYY-MM-DD)"),
    to: z.iso.date("to must be a date (YYYY-MM-DD)"),
  })
  .refine((period) => period.from <= period.to, "from must not be after to");

/**
 * GET /api/admin/invoices/export?from=YYYY-MM-DD&to=YYYY-MM-DD: the invoices and credit notes
 * issued in the period (days in BILLING_TIME_ZONE), one row per line. Admins acting as
 * themselves only (everyone else: the 404 of a missing route); the export is audited.
 */
export async function handleInvoiceExport(
  request: Request,
  resolveActor: () => Promise<Actor | null>,
): Promise<Response> {
  const actor = await resolveActor();
  if (!actor || !canManageInvoices(actor)) return failureResponse({ code: "not_found", error: "Not found." });
  const params = new URL(request.url).searchParams;
  const parsed = periodSchema.safeParse({ from: params.get("from"), to: params.get("to") });
  if (!parsed.success)
    return failureResponse({
      code: "invalid_input",
      error: `The period is not valid: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`,
    });
  const db = getDb();
  const csv = await invoicesCsv(db, parsed.data, billingSettings().timeZone);
  await recordAudit(db, auditContextFor(actor, requestInfoFromHeaders(request.headers)), {
    action: "invoice.exported",
    resourceType: "invoice",
    resourceId: "export",
    metadata: { from: parsed.data.from, to: parsed.data.to },
  });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="invoices-${parsed.data.from}-to-${parsed.data.to}.csv"`,
      "cache-control": "no-store",
    },
  });
}
