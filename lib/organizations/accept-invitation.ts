import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, type DbOrTx } from "@/db/client";
import { invitations, organizations, teams, users } from "@/db/schema";
import { UserFacingError } from "@/lib/actions/errors";
import { organizationAdapter, viaBetterAuth } from "@/lib/admin/better-auth";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditContext } from "@/lib/audit/request-context";
import { getAuth } from "@/lib/auth/auth";
import { assertUncommonPassword } from "@/lib/auth/common-passwords";
import { newPasswordField } from "@/lib/auth/password-policy";
import { transactionWithBetterAuth } from "@/lib/auth/auth-transaction";
import { strongestOrganizationRole } from "@/lib/authz/actor";
import { atMost, LIMITS, recordIdField } from "@/lib/validation/limits";

export type InvitationView =
  | { state: "missing" }
  | { state: "expired" | "used"; organizationName: string }
  | {
      state: "pending";
      id: string;
      email: string;
      role: string;
      organizationName: string;
      teamNames: string[];
      hasAccount: boolean;
      expiresAt: Date;
    };

/**
 * What the acceptance page shows for an invitation id. The id is the secret (cuid2, sent only
 * to the invited address), so an unknown id gets the same answer as a used one would reveal nothing more.
 */
export async function viewInvitation(
  db: DbOrTx,
  invitationId: string,
  now = new Date(),
): Promise<InvitationView> {
  const [row] = await db
    .select({ invitation: invitations, organizationName: organizations.name })
    .from(invitations)
    .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
    .where(eq(invitations.id, invitationId));
  if (!row) return { state: "missing" };
  const { invitation } = row;
  if (invitation.status !== "pending") return { state: "used", organizationName: row.organizationName };
  if (invitation.expiresAt <= now) return { state: "expired", organizationName: row.organizationName };
  const teamIds = invitation.teamId ? invitation.teamId.split(",") : [];
  const teamNames = teamIds.length
    ? (
        await db
          .select({ name: teams.name })
          .from(teams)
          .where(sql`${teams.id} IN ${teamIds}`)
      ).map((t) => t.name)
    : [];
  const [account] = await db
    .select({ id: users.id })
    .from(users)
    .where(sql`lower(${users.email}) = ${invitation.email.toLowerCase()}`);
  return {
    state: "pending",
    id: invitation.id,
    email: invitation.email,
    role: invitation.role ?? "member",
    organizationName: row.organizationName,
    teamNames,
    hasAccount: Boolean(account),
    expiresAt: invitation.expiresAt,
  };
}

export const acceptInvitationSchema = z
  .object({
    invitationId: recordIdField("This invitation link is not valid"),
    name: z.string().trim().min(2, "Enter your name").max(LIMITS.personName, atMost(LIMITS.personName)),
    password: newPasswordField(),
    confirmPassword: z.string().max(LIMITS.password, "The passwords differ"),
  })
  .refine((v) => v.password === v.confirmPassword, {
    message: "The passwords differ",
    path: ["confirmPassword"],
  });

type Joiner =
  { kind: "new"; name: string; password: string } | { kind: "existing"; userId: string; email: string };

/**
 * Accepts an invitation: claims it (pending → accepted, once — a second attempt finds it
 * taken), creates the account when the person has none (public sign-up is off; the invitation
 * is the permission), adds the membership and teams, and audits it as the person joining.
 * All in one transaction with better-auth's writes (transactionWithBetterAuth): if any step
 * fails, nothing stands and the invitation is still pending, so the link still works.
 */
export async function acceptInvitation(
  invitationId: string,
  joiner: Joiner,
  request: Pick<AuditContext, "ipAddress" | "userAgent">,
) {
  const db = getDb();
  const view = await viewInvitation(db, invitationId);
  if (view.state === "missing") throw new UserFacingError("not_found", "This invitation link is not valid.");
  if (view.state !== "pending") {
    throw new UserFacingError(
      "expired",
      view.state === "expired"
        ? "This invitation has expired — ask for a new one."
        : "This invitation has already been used. Sign in instead.",
    );
  }
  // Before the invitation is claimed: a refused password leaves the link working.
  if (joiner.kind === "new") await assertUncommonPassword(joiner.password, "password");
  if (joiner.kind === "new" && view.hasAccount)
    throw new UserFacingError(
      "conflict",
      "An account with this e-mail exists — sign in, then open the link again.",
    );
  if (joiner.kind === "existing" && joiner.email.toLowerCase() !== view.email.toLowerCase()) {
    throw new UserFacingError(
      "forbidden",
      `This invitation is for ${view.email}; you are signed in as ${joiner.email}.`,
    );
  }

  const adapter = await organizationAdapter();
  return transactionWithBetterAuth(db, async (tx) => {
    const claimed = await adapter.updateInvitation({
      invitationId,
      status: "accepted",
      fromStatus: "pending",
    });
    if (!claimed)
      throw new UserFacingError("expired", "This invitation has already been used. Sign in instead.");
    const [invitation] = await tx.select().from(invitations).where(eq(invitations.id, invitationId));
    const userId =
      joiner.kind === "existing"
        ? joiner.userId
        : (
            await viaBetterAuth(() =>
              getAuth().api.createUser({
                body: { email: view.email, name: joiner.name, password: joiner.password, role: "user" },
              }),
            )
          ).user.id;
    const [firstTeam, ...otherTeams] = invitation?.teamId ? invitation.teamId.split(",") : [];
    const member = await viaBetterAuth(() =>
      getAuth().api.addMember({
        body: {
          userId,
          organizationId: invitation!.organizationId,
          role: strongestOrganizationRole(view.role),
          teamId: firstTeam,
        },
      }),
    );
    for (const teamId of otherTeams) await adapter.findOrCreateTeamMember({ teamId, userId });

    const context: AuditContext = { actorUserId: userId, impersonatedUserId: null, ...request };
    if (joiner.kind === "new") {
      await recordAudit(tx, context, {
        action: "user.created",
        resourceType: "user",
        resourceId: userId,
        metadata: { email: view.email, via: "invitation", invitationId },
      });
    }
    await recordAudit(tx, context, {
      action: "invitation.accepted",
      resourceType: "invitation",
      resourceId: invitationId,
      metadata: { organizationId: invitation!.organizationId, email: view.email, role: view.role },
    });
    await recordAudit(tx, context, {
      action: "organization.member_added",
      resourceType: "organization",
      resourceId: invitation!.organizationId,
      metadata: {
        userId,
        email: view.email,
        memberId: member.id,
        role: view.role,
        teamId: firstTeam ?? null,
        via: "invitation",
      },
    });
    return { userId, email: view.email };
  });
}
