import { and, eq } from "drizzle-orm";
import { invitations } from "@/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { adminAction } from "@/lib/admin/admin-action";
import { organizationAdapter, viaBetterAuth } from "@/lib/admin/better-auth";
import type { InvitationPayload } from "@/lib/email/email-payloads";
import { queueEmail } from "@/lib/email/queue-email";
import { membershipOf, organizationById, teamOfOrganization, userByEmail } from "./lookups";
import { invitationIdSchema, inviteMemberSchema } from "./schemas";

/**
 * Invites someone by e-mail to an organization (and optionally a team). The invitation row is
 * better-auth's (its adapter: the invite endpoint demands the caller be a member); the e-mail
 * is queued in the outbox in this transaction, and a worker renders and sends it after the commit.
 */
export const inviteMemberDefinition = adminAction({
  input: inviteMemberSchema,
  form: true,
  run: async ({ tx, actor, audit }, input) => {
    const organization = await organizationById(tx, input.organizationId);
    if (input.teamId) await teamOfOrganization(tx, organization.id, input.teamId);
    const existing = await userByEmail(tx, input.email);
    if (existing && (await membershipOf(tx, organization.id, existing.id))) {
      throw new UserFacingError("conflict", `${existing.name} is already a member of ${organization.name}.`, {
        email: ["Already a member"],
      });
    }
    const adapter = await organizationAdapter();
    if (
      (await adapter.findPendingInvitation({ email: input.email, organizationId: organization.id })).length >
      0
    ) {
      throw new UserFacingError(
        "conflict",
        "This e-mail already has a pending invitation — cancel it first to send a new one.",
        { email: ["Already invited"] },
      );
    }
    const invitation = await viaBetterAuth(() =>
      adapter.createInvitation({
        invitation: {
          email: input.email,
          role: input.role,
          organizationId: organization.id,
          teamIds: input.teamId ? [input.teamId] : [],
        },
        user: {
          id: actor.userId,
          name: actor.name,
          email: actor.email,
          emailVerified: true,
          createdAt: new Date(),
          updatedAt: new Date(),
        },
      }),
    );
    const payload: InvitationPayload = {
      invitationId: invitation.id,
      organizationName: organization.name,
      inviterName: actor.name,
      role: input.role,
      expiresAt: new Date(invitation.expiresAt).toISOString(),
    };
    const outboxEmailId = await queueEmail(tx, { kind: "invitation", toAddress: input.email, payload });
    await audit({
      action: "invitation.created",
      resourceType: "invitation",
      resourceId: invitation.id,
      metadata: {
        organizationId: organization.id,
        email: input.email,
        role: input.role,
        teamId: input.teamId ?? null,
        outboxEmailId,
      },
    });
    return { invitationId: invitation.id, outboxEmailId };
  },
});

export const cancelInvitationDefinition = adminAction({
  input: invitationIdSchema,
  form: true,
  run: async ({ tx, audit }, input) => {
    const [invitation] = await tx
      .select()
      .from(invitations)
      .where(and(eq(invitations.id, input.invitationId), eq(invitations.status, "pending")));
    if (!invitation) throw new NotFoundError("That pending invitation");
    const adapter = await organizationAdapter();
    const updated = await viaBetterAuth(() =>
      adapter.updateInvitation({ invitationId: invitation.id, status: "canceled", fromStatus: "pending" }),
    );
    if (!updated) throw new UserFacingError("stale", "The invitation was accepted or cancelled meanwhile.");
    await audit({
      action: "invitation.cancelled",
      resourceType: "invitation",
      resourceId: invitation.id,
      metadata: { organizationId: invitation.organizationId, email: invitation.email },
    });
    return { invitationId: invitation.id };
  },
});
