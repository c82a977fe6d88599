"use server";
import { headers } from "next/headers";
import { failure, failureFromError, success, type ActionResult } from "@/lib/actions/result";
import { requestInfoFromHeaders } from "@/lib/audit/request-context";
import { getAuth } from "@/lib/auth/auth";
import { getCurrentSession } from "@/lib/auth/current-session";
import { acceptInvitation, acceptInvitationSchema } from "@/lib/organizations/accept-invitation";
import { z } from "zod";

/**
 * Public actions (no actor yet): the invitation id is the permission. They are not built with
 * defineAction, which needs a signed-in actor; they parse with zod, return the same typed
 * result, and audit as the person who joins.
 */
async function guarded<T>(work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return success(await work());
  } catch (error) {
    return failureFromError(error, "accept invitation failed");
  }
}

export async function acceptAsNewUserAction(form: FormData): Promise<ActionResult<{ email: string }>> {
  const parsed = acceptInvitationSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error) as { fieldErrors: Record<string, string[]> };
    return failure("invalid_input", "Please correct the highlighted fields.", fieldErrors);
  }
  const requestHeaders = await headers();
  return guarded(async () => {
    const joined = await acceptInvitation(
      parsed.data.invitationId,
      { kind: "new", name: parsed.data.name, password: parsed.data.password },
      requestInfoFromHeaders(requestHeaders),
    );
    // Sign the new user in (nextCookies sets the session cookie on this response).
    await getAuth().api.signInEmail({
      body: { email: joined.email, password: parsed.data.password },
      headers: requestHeaders,
    });
    return { email: joined.email };
  });
}

export async function acceptAsSignedInUserAction(form: FormData): Promise<ActionResult<{ email: string }>> {
  const invitationId = String(form.get("invitationId") ?? "");
  const session = await getCurrentSession();
  if (!session) return failure("session_ended", "Sign in first, then open the invitation link again.");
  if (session.session.impersonatedBy)
    return failure("forbidden", "Stop impersonating before accepting an invitation.");
  const requestHeaders = await headers();
  return guarded(() =>
    acceptInvitation(
      invitationId,
      { kind: "existing", userId: session.user.id, email: session.user.email },
      requestInfoFromHeaders(requestHeaders),
    ),
  );
}
