import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { organizations, teams, users } from "@/db/schema";
import { UserFacingError } from "@/lib/actions/errors";
import { adminAction } from "@/lib/admin/admin-action";
import { viaBetterAuth } from "@/lib/admin/better-auth";
import { getAuth } from "@/lib/auth/auth";
import { assertUncommonPassword } from "@/lib/auth/common-passwords";
import { createUserSchema, type NewUserMembership } from "./schemas";

/**
 * Creates an account with a password and a platform role, and makes it a member (and team
 * member) of any number of organizations — all or nothing. The password never reaches the
 * audit row.
 */
export const createUserDefinition = adminAction({
  input: createUserSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${input.email}`);
    if (taken)
      throw new UserFacingError("conflict", "A user with this e-mail already exists.", {
        email: ["Already in use"],
      });
    for (const membership of input.memberships) await checkMembership(tx, membership);
    await assertUncommonPassword(input.password, "password");

    // Server call without headers: better-auth skips its own permission check; ours ran.
    const { user } = await viaBetterAuth(() =>
      getAuth().api.createUser({
        body: { email: input.email, name: input.name, password: input.password, role: input.role },
      }),
    );
    // better-auth writes in this transaction (transactionWithBetterAuth): if a membership or an
    // audit row fails, the account is rolled back with them.
    await audit({
      action: "user.created",
      resourceType: "user",
      resourceId: user.id,
      metadata: { email: input.email, name: input.name, role: input.role },
    });
    for (const membership of input.memberships) {
      const member = await viaBetterAuth(() =>
        getAuth().api.addMember({
          body: {
            userId: user.id,
            organizationId: membership.organizationId,
            role: membership.role,
            teamId: membership.teamId,
          },
        }),
      );
      await audit({
        action: "organization.member_added",
        resourceType: "organization",
        resourceId: membership.organizationId,
        metadata: {
          userId: user.id,
          memberId: member.id,
          role: membership.role,
          teamId: membership.teamId ?? null,
        },
      });
    }
    return { userId: user.id };
  },
});

/** The organization exists and the team (if any) is one of its own — before anything is saved. */
async function checkMembership(tx: Tx, membership: NewUserMembership): Promise<void> {
  const [organization] = await tx
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .where(eq(organizations.id, membership.organizationId));
  if (!organization)
    throw new UserFacingError("invalid_input", "One of the chosen organizations no longer exists.", {
      memberships: ["Organization not found — reload the page"],
    });
  if (!membership.teamId) return;
  const [team] = await tx
    .select({ id: teams.id })
    .from(teams)
    .where(and(eq(teams.id, membership.teamId), eq(teams.organizationId, membership.organizationId)));
  if (!team)
    throw new UserFacingError("invalid_input", `That team is not part of ${organization.name}.`, {
      memberships: [`Pick a team of ${organization.name}`],
    });
}
