/**
 * Every admin change that better-auth saves on its own connection is taken back when the audit
 * row that must accompany it fails (a real database error, raised by a trigger for this file's
 * organization, its teams and its person only): the admin is told it failed and the portal
 * looks exactly as before — nothing stands unaudited.
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import { defineAction, type ActionDefinition } from "@/lib/actions/define-action";
import type { AdminRequest } from "@/lib/admin/better-auth";
import { getAuth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/authz/actor";
import {
  addMemberDefinition,
  removeMemberDefinition,
  setMemberRoleDefinition,
} from "@/lib/organizations/member-definitions";
import { renameOrganizationDefinition } from "@/lib/organizations/organization-definitions";
import {
  addTeamMemberDefinition,
  createTeamDefinition,
  deleteTeamDefinition,
  removeTeamMemberDefinition,
  renameTeamDefinition,
} from "@/lib/organizations/team-definitions";
import {
  banUserDefinition,
  setUserPasswordDefinition,
  unbanUserDefinition,
} from "@/lib/users/account-actions";
import { as, createSignedInAdmin } from "../support/admin-session";
import { withUncheckedInput } from "../support/unchecked-action";
import { failAuditRowsWhere } from "../support/failing-audit-trigger";

const tag = randomBytes(3).toString("hex");
const PASSWORD = "original-password-1";
let admin: Actor;
let request: AdminRequest;
let removeTrigger: () => Promise<void>;
const world = {
  organizationId: "",
  teamId: "",
  otherTeamId: "",
  memberId: "",
  userId: "",
  userEmail: "",
  outsiderEmail: "",
  outsiderId: "",
};

async function createPerson(label: string) {
  const email = `${label}-${tag}@rollback.test`;
  const { user } = await getAuth().api.createUser({
    body: { email, name: `${label} ${tag}`, password: PASSWORD, role: "user" },
  });
  return { id: user.id, email };
}

beforeAll(async () => {
  ({ actor: admin, request } = await createSignedInAdmin());
  const [organization] = await getDb()
    .insert(t.organizations)
    .values({ name: `Doomed Mutual ${tag}`, slug: `doomed-single-${tag}`, createdAt: new Date() })
    .returning();
  world.organizationId = organization!.id;
  const team = await getAuth().api.createTeam({
    body: { organizationId: world.organizationId, name: "Claims" },
  });
  const otherTeam = await getAuth().api.createTeam({
    body: { organizationId: world.organizationId, name: "Litigation" },
  });
  world.teamId = team.id;
  world.otherTeamId = otherTeam.id;
  const person = await createPerson("member");
  world.userId = person.id;
  world.userEmail = person.email;
  const member = await getAuth().api.addMember({
    body: { userId: person.id, organizationId: world.organizationId, role: "member", teamId: team.id },
  });
  world.memberId = member!.id;
  const outsider = await createPerson("outsider");
  world.outsiderId = outsider.id;
  world.outsiderEmail = outsider.email;
  // Every audit row about this organization, its teams (their metadata names it) or its person fails.
  removeTrigger = await failAuditRowsWhere(
    `NEW.resource_id IN ('${world.organizationId}', '${world.userId}') OR NEW.metadata->>'organizationId' = '${world.organizationId}'`,
  );
});
afterAll(() => removeTrigger());

/** What an admin could see of the doomed world: compared before and after each failed change. */
async function snapshot() {
  const db = getDb();
  const [organization] = await db
    .select({ name: t.organizations.name })
    .from(t.organizations)
    .where(eq(t.organizations.id, world.organizationId));
  const members = await db
    .select({ userId: t.members.userId, role: t.members.role })
    .from(t.members)
    .where(eq(t.members.organizationId, world.organizationId))
    .orderBy(t.members.userId);
  const teams = await db
    .select({ id: t.teams.id, name: t.teams.name })
    .from(t.teams)
    .where(eq(t.teams.organizationId, world.organizationId))
    .orderBy(t.teams.id);
  const teamMembers = await db
    .select({ teamId: t.teamMembers.teamId, userId: t.teamMembers.userId })
    .from(t.teamMembers)
    .innerJoin(t.teams, eq(t.teams.id, t.teamMembers.teamId))
    .where(eq(t.teams.organizationId, world.organizationId))
    .orderBy(t.teamMembers.teamId, t.teamMembers.userId);
  const [person] = await db
    .select({ banned: t.users.banned, banReason: t.users.banReason, banExpires: t.users.banExpires })
    .from(t.users)
    .where(eq(t.users.id, world.userId));
  return { organization, members, teams, teamMembers, person };
}

async function expectRefusedWithNothingChanged(
  definition: ActionDefinition<never, unknown, boolean>,
  input: Record<string, unknown>,
) {
  const before = await snapshot();
  const result = await withUncheckedInput(defineAction(definition, as(admin)))(input);
  expect(result.ok).toBe(false);
  expect(await snapshot()).toEqual(before);
}

describe("an admin change whose audit row fails is taken back", () => {
  it.each([
    [
      "renaming the organization",
      () => [renameOrganizationDefinition, { organizationId: world.organizationId, name: "Renamed Mutual" }],
    ],
    [
      "changing a member's role",
      () => [
        setMemberRoleDefinition,
        { organizationId: world.organizationId, memberId: world.memberId, role: "admin" },
      ],
    ],
    [
      "removing a member (their team too)",
      () => [removeMemberDefinition, { organizationId: world.organizationId, memberId: world.memberId }],
    ],
    [
      "adding a member into a team",
      () => [
        addMemberDefinition,
        {
          organizationId: world.organizationId,
          email: world.outsiderEmail,
          role: "member",
          teamId: world.teamId,
        },
      ],
    ],
    [
      "creating a team",
      () => [createTeamDefinition, { organizationId: world.organizationId, name: "Short-lived" }],
    ],
    ["renaming a team", () => [renameTeamDefinition, { teamId: world.teamId, name: "Renamed Claims" }]],
    ["deleting a team", () => [deleteTeamDefinition, { teamId: world.otherTeamId }]],
    [
      "adding a member to a team",
      () => [addTeamMemberDefinition, { teamId: world.otherTeamId, userId: world.userId }],
    ],
    [
      "removing a member from a team",
      () => [removeTeamMemberDefinition, { teamId: world.teamId, userId: world.userId }],
    ],
    [
      "banning",
      () => [banUserDefinition(request), { userId: world.userId, reason: "Left the insurer", days: "30" }],
    ],
  ] as unknown as [string, () => [ActionDefinition<never, unknown, boolean>, Record<string, unknown>]][])(
    "%s",
    async (_label, pick) => {
      const [definition, input] = pick();
      await expectRefusedWithNothingChanged(definition, input);
    },
  );

  it("lifting a ban: the ban stands as it was, reason and end", async () => {
    const banExpires = new Date(Date.now() + 5 * 86_400_000);
    await getDb()
      .update(t.users)
      .set({ banned: true, banReason: "Under review", banExpires })
      .where(eq(t.users.id, world.userId));
    await expectRefusedWithNothingChanged(
      unbanUserDefinition(request) as ActionDefinition<never, unknown, boolean>,
      {
        userId: world.userId,
        reason: "Review done",
      },
    );
    await getDb()
      .update(t.users)
      .set({ banned: false, banReason: null, banExpires: null })
      .where(eq(t.users.id, world.userId));
  });

  it("setting a password: the old password still signs in, the new one does not", async () => {
    const result = await defineAction(
      setUserPasswordDefinition(request),
      as(admin),
    )({ userId: world.userId, newPassword: "replacement-password-2" });
    expect(result.ok).toBe(false);
    await expect(
      getAuth().api.signInEmail({ body: { email: world.userEmail, password: PASSWORD } }),
    ).resolves.toMatchObject({ user: { id: world.userId } });
    await expect(
      getAuth().api.signInEmail({ body: { email: world.userEmail, password: "replacement-password-2" } }),
    ).rejects.toThrow();
    const [credential] = await getDb()
      .select()
      .from(t.accounts)
      .where(and(eq(t.accounts.userId, world.userId), eq(t.accounts.providerId, "credential")));
    expect(credential).toBeDefined();
  });
});
