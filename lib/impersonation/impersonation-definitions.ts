import { adminAction } from "@/lib/admin/admin-action";
import { startImpersonationSchema } from "./schemas";
import { startImpersonation, type OpenImpersonationSession } from "./start-impersonation";

/**
 * "Impersonate" on the users page: an admin acting as themselves (adminAction), a reason, then
 * better-auth's session through `openSession` (the page passes the real one; tests their own).
 */
export const startImpersonationDefinition = (openSession: OpenImpersonationSession) =>
  adminAction({
    input: startImpersonationSchema,
    run: (context, input) => startImpersonation(context, input, openSession),
  });
