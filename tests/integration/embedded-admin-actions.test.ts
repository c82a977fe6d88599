/**
 * The embedded default (`npm run dev` with no DATABASE_URL) runs the admin console's actions to
 * the end. Under the former PGlite default, an action that waited inside its transaction for
 * better-auth on a second connection hung forever (Rename, Add member, Create user, Ban …).
 * This file points the app at a throw-away embedded server of its own, exactly as the launcher
 * starts it, and runs such actions: each must finish and change what it says.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import * as t from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { renameOrganizationDefinition } from "@/lib/organizations/organization-definitions";
import { banUserDefinition } from "@/lib/users/account-actions";
import { createUserDefinition } from "@/lib/users/create-user";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/services/embedded-postgres";
import { as, createSignedInAdmin } from "../support/admin-session";

let embedded: EmbeddedPostgres;
beforeAll(async () => {
  embedded = await startEmbeddedPostgres({ dataDir: null, port: 0 });
  await migrateDatabase(embedded.url);
  // Swap the app's pool and better-auth (both built on first use) over to the embedded server.
  await closeDb();
  process.env.DATABASE_URL = embedded.url;
  ((globalThis as Record<string, unknown>).__imePortalAuth as { auth?: unknown }).auth = undefined;
});
afterAll(async () => {
  await closeDb();
  await embedded?.stop();
});

describe("admin actions on the embedded database", () => {
  it("create a user into an organization, rename the organization, ban the user — each finishes", async () => {
    const { actor: admin, request } = await createSignedInAdmin();
    const [organization] = await getDb()
      .insert(t.organizations)
      .values({ name: "Embedded Mutual", slug: "embedded-mutual", createdAt: new Date() })
      .returning();

    const created = await defineAction(
      createUserDefinition,
      as(admin),
    )({
      name: "Ema Bedded",
      email: "ema@embedded.test",
      role: "user",
      password: "long-enough-pw",
      memberships: [{ organizationId: organization!.id, role: "member" }],
    });
    expect(created).toMatchObject({ ok: true });
    const [user] = await getDb().select().from(t.users).where(eq(t.users.email, "ema@embedded.test"));
    expect(await getDb().select().from(t.members).where(eq(t.members.userId, user!.id))).toHaveLength(1);

    expect(
      await defineAction(
        renameOrganizationDefinition,
        as(admin),
      )({ organizationId: organization!.id, name: "Embedded Mutual Group" }),
    ).toMatchObject({ ok: true });
    const [renamed] = await getDb()
      .select()
      .from(t.organizations)
      .where(eq(t.organizations.id, organization!.id));
    expect(renamed!.name).toBe("Embedded Mutual Group");

    expect(
      await defineAction(
        banUserDefinition(request),
        as(admin),
      )({ userId: user!.id, reason: "Left the insurer" }),
    ).toMatchObject({ ok: true });
    const [banned] = await getDb().select().from(t.users).where(eq(t.users.id, user!.id));
    expect(banned).toMatchObject({ banned: true, banReason: "Left the insurer" });
  }, 60_000);
});
