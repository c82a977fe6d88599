import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/authz/actor";
import { acceptInvitation, viewInvitation } from "@/lib/organizations/accept-invitation";
import { inviteMemberDefinition } from "@/lib/organizations/invitation-definitions";
import { getAuth } from "@/lib/auth/auth";
import { as, createSignedInAdmin } from "../support/admin-session";
import type { IdOf } from "../support/authz-fixture";
import { failAuditRowsWhere } from "../support/failing-audit-trigger";
import { insertAuthzWorld } from "../support/insert-authz-world";

let admin: Actor;
let id: IdOf;
const request = { ipAddress: "203.0.113.50", userAgent: "invitee-browser" };
const tag = randomBytes(3).toString("hex");
// A real database failure at the last step (the audit rows), for the e-mails this file marks.
const doomed = `doomed_invitees_${tag}`;
let removeTrigger: () => Promise<void>;
beforeAll(async () => {
  ({ actor: admin } = await createSignedInAdmin());
  ({ id } = await insertAuthzWorld());
  // The e-mails in this table fail; a test removes its e-mail to let the retry through.
  await getDb().execute(sql.raw(`CREATE TABLE ${doomed} (email text PRIMARY KEY)`));
  removeTrigger = await failAuditRowsWhere(
    `NEW.action = 'invitation.accepted' AND EXISTS (SELECT 1 FROM ${doomed} d WHERE d.email = lower(NEW.metadata->>'email'))`,
  );
});
afterAll(async () => {
  await removeTrigger();
  await getDb().execute(sql.raw(`DROP TABLE ${doomed}`));
});

const failAuditFor = (email: string) =>
  getDb().execute(sql.raw(`INSERT INTO ${doomed} VALUES (lower('${email}'))`));
const stopFailingAuditFor = (email: string) =>
  getDb().execute(sql.raw(`DELETE FROM ${doomed} WHERE email = lower('${email}')`));
const membershipsOf = async (userId: string) => ({
  organization: await getDb()
    .select()
    .from(t.members)
    .where(and(eq(t.members.userId, userId), eq(t.members.organizationId, id("A")))),
  teams: await getDb().select().from(t.teamMembers).where(eq(t.teamMembers.userId, userId)),
});

async function invite(email: string, teamId?: string) {
  const result = await defineAction(
    inviteMemberDefinition,
    as(admin),
  )({ organizationId: id("A"), email, role: "member", teamId });
  if (!result.ok) throw new Error(result.error);
  return result.data.invitationId;
}

describe("accepting an invitation", () => {
  it("creates the account, joins organization and team, audits as the new user, and works only once", async () => {
    const email = `invitee.${randomBytes(3).toString("hex")}@acme.test`;
    const invitationId = await invite(email, id("A2"));
    expect(await viewInvitation(getDb(), invitationId)).toMatchObject({
      state: "pending",
      email,
      hasAccount: false,
      teamNames: ["A2"],
    });

    const { userId } = await acceptInvitation(
      invitationId,
      { kind: "new", name: "Ivy Invitee", password: "invited-password-1" },
      request,
    );
    const [member] = await getDb()
      .select()
      .from(t.members)
      .where(and(eq(t.members.userId, userId), eq(t.members.organizationId, id("A"))));
    expect(member?.role).toBe("member");
    expect(
      await getDb()
        .select()
        .from(t.teamMembers)
        .where(and(eq(t.teamMembers.userId, userId), eq(t.teamMembers.teamId, id("A2")))),
    ).toHaveLength(1);
    // The password works: the new user can sign in.
    await expect(
      getAuth().api.signInEmail({ body: { email, password: "invited-password-1" } }),
    ).resolves.toMatchObject({ user: { email } });

    const [accepted] = await getDb()
      .select()
      .from(t.auditLogs)
      .where(and(eq(t.auditLogs.action, "invitation.accepted"), eq(t.auditLogs.resourceId, invitationId)));
    expect(accepted).toMatchObject({
      userId,
      impersonatedUserId: null,
      ipAddress: "203.0.113.50",
      metadata: { organizationId: id("A"), email },
    });

    await expect(
      acceptInvitation(invitationId, { kind: "new", name: "Mallory", password: "another-password" }, request),
    ).rejects.toThrow(/already been used/);
    expect((await viewInvitation(getDb(), invitationId)).state).toBe("used");
  });

  it("lets only the invited person's signed-in account join, and refuses unknown links", async () => {
    const invitationId = await invite(`${id("outsider")}@fixture.test`);
    expect(await viewInvitation(getDb(), invitationId)).toMatchObject({ state: "pending", hasAccount: true });
    await expect(
      acceptInvitation(
        invitationId,
        { kind: "new", name: "Impostor", password: "impostor-password" },
        request,
      ),
    ).rejects.toThrow(/account with this e-mail exists/);
    await expect(
      acceptInvitation(
        invitationId,
        { kind: "existing", userId: id("memberB1"), email: `${id("memberB1")}@fixture.test` },
        request,
      ),
    ).rejects.toThrow(/This invitation is for/);
    await acceptInvitation(
      invitationId,
      { kind: "existing", userId: id("outsider"), email: `${id("outsider")}@fixture.test` },
      request,
    );
    expect(
      await getDb()
        .select()
        .from(t.members)
        .where(and(eq(t.members.userId, id("outsider")), eq(t.members.organizationId, id("A")))),
    ).toHaveLength(1);
    expect(await viewInvitation(getDb(), "no-such-invitation")).toEqual({ state: "missing" });
  });

  it("takes the new account back when the last step fails, and the link works again", async () => {
    const email = `doomed.${tag}@acme.test`;
    const invitationId = await invite(email, id("A2"));
    await failAuditFor(email);
    await expect(
      acceptInvitation(
        invitationId,
        { kind: "new", name: "Dora Doomed", password: "invited-password-2" },
        request,
      ),
    ).rejects.toThrow();
    expect(await getDb().select().from(t.users).where(eq(t.users.email, email))).toEqual([]);
    expect(await viewInvitation(getDb(), invitationId)).toMatchObject({
      state: "pending",
      hasAccount: false,
    });

    await stopFailingAuditFor(email);
    const { userId } = await acceptInvitation(
      invitationId,
      { kind: "new", name: "Dora Doomed", password: "invited-password-2" },
      request,
    );
    const joined = await membershipsOf(userId);
    expect(joined.organization).toHaveLength(1);
    expect(joined.teams.map((row) => row.teamId)).toEqual([id("A2")]);
  });

  it("takes an existing account's new membership and teams back when the last step fails", async () => {
    const email = `${id("memberB1")}@fixture.test`;
    const invitationId = await invite(email, id("A1"));
    await failAuditFor(email);
    const joiner = { kind: "existing" as const, userId: id("memberB1"), email };
    await expect(acceptInvitation(invitationId, joiner, request)).rejects.toThrow();
    expect(await membershipsOf(id("memberB1"))).toEqual({ organization: [], teams: [] });
    expect(
      await getDb()
        .select()
        .from(t.users)
        .where(eq(t.users.id, id("memberB1"))),
    ).toHaveLength(1);
    expect((await viewInvitation(getDb(), invitationId)).state).toBe("pending");

    await stopFailingAuditFor(email);
    await acceptInvitation(invitationId, joiner, request);
    expect((await membershipsOf(id("memberB1"))).organization).toHaveLength(1);
  });
});
