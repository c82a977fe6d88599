import { APIError } from "better-auth/api";
import { getOrgAdapter } from "better-auth/plugins";
import { UserFacingError } from "@/lib/actions/errors";
import { getAuth } from "@/lib/auth/auth";

/**
 * How the admin console reaches better-auth.
 *
 * - Admin-plugin endpoints (banUser, unbanUser, setUserPassword, revokeUserSessions) demand a
 *   session, so they get the admin's own request headers (`AdminRequest.authHeaders`) and
 *   better-auth re-checks that the caller is an admin.
 * - createUser, addMember, createTeam, removeTeam accept a server call without headers (no
 *   permission check of their own; our policy has already run).
 * - The organization endpoints that change an existing organization (update, remove-member,
 *   update-member-role, update-team, add/remove-team-member, invite-member) insist that the
 *   *caller is a member* of that organization. Platform admins are not, so for those we use
 *   better-auth's own organization adapter (`getOrgAdapter`, exported by the plugin) — the
 *   same persistence code the endpoints call, minus their membership check.
 *
 * Atomicity: better-auth writes on its own pool connection, not in the action's transaction.
 * Actions therefore run their checks first, then the better-auth call, then the audit row:
 * if better-auth fails nothing is audited. Where a better-auth write is followed by more steps
 * (create a user, then its membership; an organization, then its first team; an impersonation
 * session, then the commit) the action registers an undo with `onRollback`, so a later failure
 * takes the write back. A single-call change (ban, rename, …) whose audit insert failed would
 * still stand unaudited; that needs the database to fail between two statements.
 */
export interface AdminRequest {
  /** The admin's request headers (cookie), for endpoints that need the caller's session. */
  authHeaders: () => Promise<Headers>;
}

export async function organizationAdapter() {
  const context = await getAuth().$context;
  type AdapterArgs = Parameters<typeof getOrgAdapter>;
  const withOptions = context as unknown as AdapterArgs[0] & { orgOptions: AdapterArgs[1] };
  return getOrgAdapter(withOptions, withOptions.orgOptions);
}

/** Runs a better-auth call; its refusals become messages the admin can act on. */
export async function viaBetterAuth<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof APIError) {
      const message = (error.body as { message?: string } | undefined)?.message ?? error.message;
      throw new UserFacingError(message ? `${message.replace(/\.$/, "")}.` : "The change was refused.");
    }
    throw error;
  }
}
