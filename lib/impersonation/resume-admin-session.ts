import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { auditLogs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import { requestInfoFromHeaders } from "@/lib/audit/request-context";
import { getAuth } from "@/lib/auth/auth";

/** Where a page sends a browser whose session ended while it still holds an admin's saved session. */
export const RESUME_ADMIN_SESSION_PATH = "/api/impersonation/resume";
/** The notice the users page shows after it; `user` names who was being impersonated. */
export const IMPERSONATION_ENDED_NOTICE = "impersonation-ended";

/** better-auth keeps the admin's own session token in this cookie while they impersonate someone. */
export const holdsSavedAdminSession = (cookieNames: string[]) =>
  cookieNames.some((name) => name.endsWith(".admin_session"));

/** Whom the admin was impersonating: the target of their latest `impersonation.started`. */
async function lastImpersonatedBy(adminUserId: string): Promise<string | null> {
  const [row] = await getDb()
    .select({ userId: auditLogs.impersonatedUserId })
    .from(auditLogs)
    .where(and(eq(auditLogs.userId, adminUserId), eq(auditLogs.action, "impersonation.started")))
    .orderBy(desc(auditLogs.timestamp))
    .limit(1);
  return row?.userId ?? null;
}

function redirectTo(location: string, cookies: Headers): Response {
  const headers = new Headers({ location, "cache-control": "no-store" });
  for (const cookie of cookies.getSetCookie()) headers.append("set-cookie", cookie);
  return new Response(null, { status: 303, headers });
}

/**
 * GET /api/impersonation/resume: an impersonation session has run out. If the admin's own session
 * is still valid they are put back into it (resumeAdminSessionPlugin sets the cookie), the end is
 * audited for both people — like sign-in, it changes a session, not a record, so it is written
 * here rather than through defineAction — and they land on the users page with a notice.
 * Otherwise the saved cookie is dropped and the browser goes home (sign-in, when signed out).
 */
export async function resumeAdminSessionAfterImpersonation(request: Request): Promise<Response> {
  const { headers: cookies, response } = await getAuth().api.resumeAdminSession({
    headers: request.headers,
    returnHeaders: true,
  });
  const adminUserId = response.adminUserId;
  if (!adminUserId) return redirectTo("/", cookies);
  const impersonatedUserId = await lastImpersonatedBy(adminUserId);
  await recordAudit(
    getDb(),
    { actorUserId: adminUserId, impersonatedUserId, ...requestInfoFromHeaders(request.headers) },
    { action: "impersonation.expired", resourceType: "user", resourceId: impersonatedUserId ?? adminUserId },
  );
  const query = new URLSearchParams({
    notice: IMPERSONATION_ENDED_NOTICE,
    ...(impersonatedUserId ? { user: impersonatedUserId } : {}),
  });
  return redirectTo(`/admin/users?${query}`, cookies);
}
