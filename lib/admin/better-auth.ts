import { APIError } from "better-auth/api";
import { getOrgAdapter } from "better-auth/plugins";
import { UserFacingError } from "@/lib/actions/errors";
import type { ErrorCode } from "@/lib/errors/codes";
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
 * Atomicity: every action runs its better-auth calls inside its own transaction
 * (lib/auth/auth-transaction.ts binds better-auth's adapter to it), so what better-auth writes
 * commits or rolls back with the audit row — tested with a real failure of the audit insert.
 * Not undoable by a rollback: cookies already set on the response, and an e-mail sent.
 */
export interface AdminRequest {
  /** The admin's request headers (cookie), for endpoints that need the caller's session. */
  authHeaders: () => Promise<Headers>;
}

/**
 * better-auth's organization adapter with the plugin's own options (teams enabled, limits):
 * without them it treats teams as off, and deleting a member would leave their team rows behind.
 */
export async function organizationAdapter() {
  const context = await getAuth().$context;
  type AdapterArgs = Parameters<typeof getOrgAdapter>;
  const plugin = context.options.plugins.find((candidate) => candidate.id === "organization") as
    { options?: AdapterArgs[1] } | undefined;
  return getOrgAdapter(context as unknown as AdapterArgs[0], plugin?.options);
}

/** better-auth refuses with an HTTP status; most refusals are 400 (the request cannot be done as given). */
const CODE_OF_BETTER_AUTH_STATUS: Record<number, ErrorCode> = {
  401: "session_ended",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  429: "rate_limited",
};

/** Runs a better-auth call; its refusals become messages the admin can act on. */
export async function viaBetterAuth<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof APIError) {
      const message = (error.body as { message?: string } | undefined)?.message ?? error.message;
      throw new UserFacingError(
        CODE_OF_BETTER_AUTH_STATUS[error.statusCode] ?? "invalid_input",
        message ? `${message.replace(/\.$/, "")}.` : "The change was refused.",
      );
    }
    throw error;
  }
}
