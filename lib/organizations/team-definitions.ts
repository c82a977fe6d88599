import { count, eq } from "drizzle-orm";
import { bookings } from "@/db/schema";
import { UserFacingError } from "@/lib/actions/errors";
import { adminAction } from "@/lib/admin/admin-action";
import { organizationAdapter, viaBetterAuth } from "@/lib/admin/better-auth";
import { getAuth } from "@/lib/auth/auth";
import { membershipOf, organizationById, teamById } from "./lookups";
import { createTeamSchema, renameTeamSchema, teamMemberSchema, teamSchema } from "./schemas";

export const createTeamDefinition = adminAction({
  input: createTeamSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    await organizationById(tx, input.organizationId);
    const team = await viaBetterAuth(() =>
      getAuth().api.createTeam({ body: { organizationId: input.organizationId, name: input.name } }),
    );
    await audit({
      action: "team.created",
      resourceType: "team",
      resourceId: team.id,
      metadata: { organizationId: input.organizationId, name: input.name },
    });
    return { teamId: team.id };
  },
});

export const renameTeamDefinition = adminAction({
  input: renameTeamSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    const team = await teamById(tx, input.teamId);
    if (team.name === input.name) return { teamId: team.id };
    const adapter = await organizationAdapter();
    await viaBetterAuth(() => adapter.updateTeam(team.id, { name: input.name }));
    await audit({
      action: "team.updated",
      resourceType: "team",
      resourceId: team.id,
      metadata: { organizationId: team.organizationId, from: { name: team.name }, to: { name: input.name } },
    });
    return { teamId: team.id };
  },
});

/** Deletes a team without bookings; a team with bookings must have them moved first (they reference it). */
export const deleteTeamDefinition = adminAction({
  input: teamSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    const team = await teamById(tx, input.teamId);
    const [{ n }] = (await tx.select({ n: count() }).from(bookings).where(eq(bookings.teamId, team.id))) as [
      { n: number },
    ];
    if (n > 0)
      throw new UserFacingError(
        "conflict",
        `${n} booking${n === 1 ? "" : "s"} belong to ${team.name}; move them to another team first.`,
      );
    await viaBetterAuth(() =>
      getAuth().api.removeTeam({ body: { teamId: team.id, organizationId: team.organizationId } }),
    );
    await audit({
      action: "team.deleted",
      resourceType: "team",
      resourceId: team.id,
      metadata: { organizationId: team.organizationId, name: team.name },
    });
    return { teamId: team.id };
  },
});

export const addTeamMemberDefinition = adminAction({
  input: teamMemberSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    const team = await teamById(tx, input.teamId);
    if (!(await membershipOf(tx, team.organizationId, input.userId))) {
      throw new UserFacingError(
        "conflict",
        "Only members of the organization can join its teams — add them to the organization first.",
      );
    }
    const adapter = await organizationAdapter();
    await viaBetterAuth(() => adapter.findOrCreateTeamMember({ teamId: team.id, userId: input.userId }));
    await audit({
      action: "team.member_added",
      resourceType: "team",
      resourceId: team.id,
      metadata: { organizationId: team.organizationId, userId: input.userId },
    });
    return { teamId: team.id };
  },
});

export const removeTeamMemberDefinition = adminAction({
  input: teamMemberSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    const team = await teamById(tx, input.teamId);
    const adapter = await organizationAdapter();
    await viaBetterAuth(() => adapter.removeTeamMember({ teamId: team.id, userId: input.userId }));
    await audit({
      action: "team.member_removed",
      resourceType: "team",
      resourceId: team.id,
      metadata: { organizationId: team.organizationId, userId: input.userId },
    });
    return { teamId: team.id };
  },
});
