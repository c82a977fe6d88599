import { and, eq, sql } from "drizzle-orm";
import { organizations, teams, users } from "@/db/schema";
import { UserFacingError } from "@/lib/actions/errors";
import { adminAction } from "@/lib/admin/admin-action";
import { viaBetterAuth } from "@/lib/admin/better-auth";
import { getAuth } from "@/lib/auth/auth";
import { createUserSchema } from "./schemas";

/**
 * Creates an account with a password and a platform role, optionally as a member (and team
 * member) of an organization — all or nothing. The password never reaches the audit row.
 */
export const createUserDefinition = adminAction({
  input: createUserSchema,
  run: async ({ tx, audit, onRollback }, input) => {
    const [taken] = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${input.email}`);
    if (taken) throw new UserFacingError("A user with this e-mail already exists.", { email: ["Already in use"] });
    if (input.teamId && !input.organizationId) throw new UserFacingError("Choose the organization of the team.", { organizationId: ["Required for a team"] });
    if (input.organizationId) {
      const [organization] = await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, input.organizationId));
      if (!organization) throw new UserFacingError("That organization no longer exists.", { organizationId: ["Not found"] });
    }
    if (input.teamId) {
      const [team] = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.id, input.teamId), eq(teams.organizationId, input.organizationId!)));
      if (!team) throw new UserFacingError("That team is not part of the chosen organization.", { teamId: ["Not in this organization"] });
    }

    // Server call without headers: better-auth skips its own permission check; ours ran.
    const { user } = await viaBetterAuth(() =>
      getAuth().api.createUser({ body: { email: input.email, name: input.name, password: input.password, role: input.role } }),
    );
    // better-auth saved the account on its own connection: if the membership or the audit
    // fails, remove it again rather than leave an account nobody audited (sessions, accounts
    // and memberships go with it).
    onRollback(async () => (await getAuth().$context).internalAdapter.deleteUser(user.id));
    await audit({
      action: "user.created",
      resourceType: "user",
      resourceId: user.id,
      metadata: { email: input.email, name: input.name, role: input.role },
    });
    if (input.organizationId) {
      const member = await viaBetterAuth(() =>
        getAuth().api.addMember({
          body: { userId: user.id, organizationId: input.organizationId!, role: input.organizationRole, teamId: input.teamId },
        }),
      );
      await audit({
        action: "organization.member_added",
        resourceType: "organization",
        resourceId: input.organizationId,
        metadata: { userId: user.id, memberId: member?.id, role: input.organizationRole, teamId: input.teamId ?? null },
      });
    }
    return { userId: user.id };
  },
});
