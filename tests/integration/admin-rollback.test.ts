/**
 * better-auth saves users and organizations on its own connection, outside the action's
 * transaction. When a later step of the same action fails, the action must take that write
 * back: no account or organization may stand without its audit row. The failure is a real
 * database error, raised by a trigger this file installs for its own marked rows only.
 */
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/authz/actor";
import { createOrganizationDefinition } from "@/lib/organizations/organization-definitions";
import { createUserDefinition } from "@/lib/users/create-user";
import { as, createSignedInAdmin } from "../support/admin-session";
import { failAuditRowsWhere } from "../support/failing-audit-trigger";

const tag = randomBytes(3).toString("hex");
let admin: Actor;
let removeTrigger: () => Promise<void>;

beforeAll(async () => {
  ({ actor: admin } = await createSignedInAdmin());
  // Refuses the audit rows of this file's doomed writes: the user's membership, the first team.
  removeTrigger = await failAuditRowsWhere(`
    (NEW.action = 'team.created' AND NEW.metadata::text LIKE '%doomed-${tag}%')
    OR (NEW.action = 'organization.member_added'
        AND EXISTS (SELECT 1 FROM organizations o WHERE o.id = NEW.resource_id AND o.slug = 'doomed-${tag}'))`);
});
afterAll(() => removeTrigger());

describe("an admin action that fails after better-auth saved something", () => {
  it("creating a user: the account is removed again, and the admin is told nothing was saved", async () => {
    const [organization] = await getDb()
      .insert(t.organizations)
      .values({ name: `Rollback Mutual ${tag}`, slug: `doomed-${tag}`, createdAt: new Date() })
      .returning();
    const email = `doomed-${tag}@rollback.test`;
    const result = await defineAction(
      createUserDefinition,
      as(admin),
    )({
      name: "Doomed Case Manager",
      email,
      role: "user",
      password: "long-enough-pw",
      memberships: [{ organizationId: organization!.id, role: "member" }],
    });
    expect(result.ok).toBe(false);
    expect(await getDb().select().from(t.users).where(eq(t.users.email, email))).toEqual([]);
    expect(
      await getDb().select().from(t.members).where(eq(t.members.organizationId, organization!.id)),
    ).toEqual([]);
    expect(
      await getDb()
        .select()
        .from(t.auditLogs)
        .where(sql`${t.auditLogs.metadata}->>'email' = ${email}`),
    ).toEqual([]);

    // The same e-mail can be used at once: nothing half-made is in the way.
    const retried = await defineAction(
      createUserDefinition,
      as(admin),
    )({ name: "Case Manager", email, role: "user", password: "long-enough-pw" });
    expect(retried.ok).toBe(true);
  });

  it("creating an organization with its first team: the organization is removed again", async () => {
    const name = `Doomed Org doomed-${tag}`;
    const result = await defineAction(
      createOrganizationDefinition,
      as(admin),
    )({ name, firstTeamName: `doomed-${tag} Claims` });
    expect(result.ok).toBe(false);
    expect(await getDb().select().from(t.organizations).where(eq(t.organizations.name, name))).toEqual([]);
    expect(
      await getDb()
        .select()
        .from(t.teams)
        .where(eq(t.teams.name, `doomed-${tag} Claims`)),
    ).toEqual([]);
  });
});
