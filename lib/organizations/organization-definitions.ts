import { adminAction } from "@/lib/admin/admin-action";
import { organizationAdapter, viaBetterAuth } from "@/lib/admin/better-auth";
import { getAuth } from "@/lib/auth/auth";
import { freeSlug, organizationById } from "./lookups";
import { createOrganizationSchema, renameOrganizationSchema, slugFromName } from "./schemas";

/**
 * Creates an organization, optionally with its first team — all or nothing. better-auth's create endpoint would
 * make the caller its owner; the provider's admin is not a member of client organizations, so
 * the organization is created through better-auth's organization adapter and its people join
 * by invitation or "add member".
 */
export const createOrganizationDefinition = adminAction({
  input: createOrganizationSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    const slug = await freeSlug(tx, slugFromName(input.name));
    const adapter = await organizationAdapter();
    const organization = await viaBetterAuth(() =>
      adapter.createOrganization({ organization: { name: input.name, slug, createdAt: new Date() } }),
    );
    // better-auth writes in this transaction (transactionWithBetterAuth): if the first team or an
    // audit row fails, the organization goes too.
    await audit({
      action: "organization.created",
      resourceType: "organization",
      resourceId: organization.id,
      metadata: { name: input.name, slug },
    });
    let teamId: string | null = null;
    if (input.firstTeamName) {
      const team = await viaBetterAuth(() =>
        getAuth().api.createTeam({ body: { organizationId: organization.id, name: input.firstTeamName! } }),
      );
      teamId = team.id;
      await audit({
        action: "team.created",
        resourceType: "team",
        resourceId: team.id,
        metadata: { organizationId: organization.id, name: team.name },
      });
    }
    return { organizationId: organization.id, slug, teamId };
  },
});

export const renameOrganizationDefinition = adminAction({
  input: renameOrganizationSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    const before = await organizationById(tx, input.organizationId);
    if (before.name === input.name) return { organizationId: before.id };
    const adapter = await organizationAdapter();
    await viaBetterAuth(() => adapter.updateOrganization(before.id, { name: input.name }));
    await audit({
      action: "organization.updated",
      resourceType: "organization",
      resourceId: before.id,
      metadata: { from: { name: before.name }, to: { name: input.name } },
    });
    return { organizationId: before.id };
  },
});
