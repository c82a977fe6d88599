import { getCurrentActor } from "@/lib/auth/current-session";
import { handleAuditExport } from "@/lib/audit-trail/export-handler";

export async function GET(request: Request) {
  return handleAuditExport(request, getCurrentActor);
}
