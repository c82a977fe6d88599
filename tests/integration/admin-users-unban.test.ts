import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import type { AdminRequest } from "@/lib/admin/better-auth";
import type { Actor } from "@/lib/authz/actor";
import { banUserDefinition, unbanUserDefinition } from "@/lib/users/account-actions";
import { as, createSignedInAdmin, TEST_IP } from "../support/admin-session";
import { withUncheckedInput } from "../support/unchecked-action";

let admin: Actor;
let request: AdminRequest;
const tag = randomBytes(4).toString("hex");

beforeAll(async () => {
  ({ actor: admin, request } = await createSignedInAdmin());
});

/** A fresh user, banned through the real action so better-auth's state is the real one. */
async function bannedUser(key: string) {
  const userId = `${tag}-${key}`;
  await getDb()
    .insert(t.users)
    .values({ id: userId, name: `Banned ${key}`, email: `${key}-${tag}@unban.test` });
  const banned = await defineAction(
    banUserDefinition(request),
    as(admin),
  )({ userId, reason: "Left the insurer" });
  expect(banned).toMatchObject({ ok: true });
  return userId;
}

const userRow = async (userId: string) =>
  (await getDb().select().from(t.users).where(eq(t.users.id, userId)))[0]!;
const unbanRows = (userId: string) =>
  getDb()
    .select()
    .from(t.auditLogs)
    .where(and(eq(t.auditLogs.action, "user.unbanned"), eq(t.auditLogs.resourceId, userId)));

describe("unbanning a user", () => {
  it("lifts the ban and records the admin's reason in the audit row", async () => {
    const userId = await bannedUser("rehired");
    const result = await defineAction(
      unbanUserDefinition(request),
      as(admin),
    )({ userId, reason: "  Rehired by the insurer, ticket 812 " });
    expect(result).toEqual({ ok: true, data: { userId } });
    expect(await userRow(userId)).toMatchObject({ banned: false, banReason: null });
    const rows = await unbanRows(userId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: admin.userId,
      impersonatedUserId: null,
      ipAddress: TEST_IP,
      metadata: { reason: "Rehired by the insurer, ticket 812" },
    });
  });

  it.each([
    ["a missing reason", undefined],
    ["an empty reason", ""],
    ["a reason of only spaces", "    "],
    ["a two-letter reason", "ok"],
  ])(
    "refuses %s with a field error; the user stays banned and nothing is audited",
    async (_label, reason) => {
      const userId = await bannedUser(`kept-${reason?.length ?? "none"}`);
      // A missing reason is one of the shapes under test: the schema must refuse it at run time.
      const result = await withUncheckedInput(defineAction(unbanUserDefinition(request), as(admin)))({
        userId,
        reason,
      });
      expect(result).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
      expect(await userRow(userId)).toMatchObject({ banned: true, banReason: "Left the insurer" });
      expect(await unbanRows(userId)).toHaveLength(0);
    },
  );

  it("takes the reason from the form the Manage panel posts", async () => {
    const userId = await bannedUser("form");
    const form = new FormData();
    form.set("userId", userId);
    form.set("reason", "Appeal upheld");
    expect(await defineAction(unbanUserDefinition(request), as(admin))(form)).toMatchObject({ ok: true });
    expect((await unbanRows(userId))[0]!.metadata).toEqual({ reason: "Appeal upheld" });
  });
});
