import { resumeAdminSessionAfterImpersonation } from "@/lib/impersonation/resume-admin-session";

/** Pages send a browser here when its impersonation session has run out (lib/auth/current-session.ts). */
export const GET = resumeAdminSessionAfterImpersonation;
