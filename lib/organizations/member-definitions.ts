import { UserFacingError } from "@/lib/actions/errors";
import { adminAction } from "@/lib/admin/admin-action";
import { organizationAdapter, viaBetterAuth } from "@/lib/admin/better-auth";
import { getAuth } from "@/lib/auth/auth";
import { memberById, membershipOf, organizationById, teamOfOrganization, userByEmail } from "./lookups";
import { addMemberSchema, memberSchema, setMemberRoleSchema } from "./schemas";

/** Adds an existing user (by e-mail) to an organization, optionally straight into a team. */
export const addMemberDefinition = adminAction({
  input: addMemberSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    await organizationById(tx, input.organizationId);
    const user = await userByEmail(tx, input.email);
    if (!user)
      throw new UserFacingError("invalid_input", "No user has this e-mail — invite them instead.", {
        email: ["No such user"],
      });
    if (await membershipOf(tx, input.organizationId, user.id))
      throw new UserFacingError("conflict", `${user.name} is already a member.`, {
        email: ["Already a member"],
      });
    if (input.teamId) await teamOfOrganization(tx, input.organizationId, input.teamId);
    // Server call without headers: no membership check of better-auth's own; ours ran.
    const member = await viaBetterAuth(() =>
      getAuth().api.addMember({
        body: {
          userId: user.id,
          organizationId: input.organizationId,
          role: input.role,
          teamId: input.teamId,
        },
      }),
    );
    await audit({
      action: "organization.member_added",
      resourceType: "organization",
      resourceId: input.organizationId,
      metadata: {
        userId: user.id,
        email: user.email,
        memberId: member.id,
        role: input.role,
        teamId: input.teamId ?? null,
      },
    });
    return { memberId: member.id };
  },
});

/** Removes a member and their team memberships in that organization (their bookings stay). */
export const removeMemberDefinition = adminAction({
  input: memberSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    const member = await memberById(tx, input.organizationId, input.memberId);
    const adapter = await organizationAdapter();
    await viaBetterAuth(() =>
      adapter.deleteMember({
        memberId: member.id,
        organizationId: input.organizationId,
        userId: member.userId,
      }),
    );
    await audit({
      action: "organization.member_removed",
      resourceType: "organization",
      resourceId: input.organizationId,
      metadata: { userId: member.userId, email: member.email, memberId: member.id, role: member.role },
    });
    return { memberId: member.id };
  },
});

export const setMemberRoleDefinition = adminAction({
  input: setMemberRoleSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    const member = await memberById(tx, input.organizationId, input.memberId);
    if (member.role === input.role) return { memberId: member.id };
    const adapter = await organizationAdapter();
    await viaBetterAuth(() => adapter.updateMember(member.id, input.role));
    await audit({
      action: "organization.member_role_changed",
      resourceType: "organization",
      resourceId: input.organizationId,
      metadata: {
        userId: member.userId,
        email: member.email,
        memberId: member.id,
        from: member.role,
        to: input.role,
      },
    });
    return { memberId: member.id };
  },
});
