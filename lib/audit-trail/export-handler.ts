import { getDb } from "@/db/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { requestInfoFromHeaders } from "@/lib/audit/request-context";
import { auditContextFor } from "@/lib/actions/request-actor";
import type { Actor } from "@/lib/authz/actor";
import { canUseAdminConsole } from "@/lib/authz/policy";
import { failureResponse } from "@/lib/http/error-status";
import { streamAuditCsv, type AuditCsvOptions } from "./export-csv";
import { auditFilterFromSearchParams } from "./filters";

const notFound = () => failureResponse({ code: "not_found", error: "Not found." });

/**
 * GET /api/admin/audit/export?<filters>: the CSV of the current filter, streamed. Anyone
 * but an admin acting as themselves gets the same 404 as a missing route. The export itself
 * is audited (who took which slice of the trail), before the first byte leaves.
 */
export async function handleAuditExport(
  request: Request,
  resolveActor: () => Promise<Actor | null>,
  options: AuditCsvOptions = {},
): Promise<Response> {
  const actor = await resolveActor();
  if (!actor || !canUseAdminConsole(actor)) return notFound();
  const parsed = auditFilterFromSearchParams(new URL(request.url).searchParams);
  if (!parsed.success) {
    return failureResponse({
      code: "invalid_input",
      error: `The filter is not valid: ${parsed.error.issues.map((i) => i.message).join("; ")}`,
    });
  }
  const db = getDb();
  await recordAudit(db, auditContextFor(actor, requestInfoFromHeaders(request.headers)), {
    action: "audit.exported",
    resourceType: "audit_log",
    resourceId: "export",
    metadata: { filter: parsed.data },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(streamAuditCsv(db, parsed.data, options), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-trail-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
