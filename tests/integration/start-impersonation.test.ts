import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { UserFacingError } from "@/lib/actions/errors";
import { auditContextFor } from "@/lib/actions/request-actor";
import { transactionWithBetterAuth } from "@/lib/auth/auth-transaction";
import { getAuth } from "@/lib/auth/auth";
import { startImpersonation, type OpenImpersonationSession } from "@/lib/impersonation/start-impersonation";
import { buildActors, type IdOf } from "../support/authz-fixture";
import { auditRowsFor } from "../support/audit-rows";
import { insertAuthzWorld } from "../support/insert-authz-world";

let id: IdOf;
beforeAll(async () => {
  ({ id } = await insertAuthzWorld());
  await getDb()
    .update(users)
    .set({ banned: true, banReason: "left the firm" })
    .where(eq(users.id, id("outsider")));
});

/** Runs startImpersonation as the action wrapper does: one transaction, better-auth's writes in it. */
async function start(
  targetKey: string,
  openSession: OpenImpersonationSession = async () => {},
  afterStart?: () => Promise<void>,
) {
  // In a session signed in with the second factor, which impersonation requires.
  const admin = { ...buildActors(id).platformAdmin, secondFactorVerified: true };
  const auditContext = auditContextFor(admin, { ipAddress: "198.51.100.4", userAgent: "vitest" });
  return transactionWithBetterAuth(getDb(), async (tx) => {
    const started = await startImpersonation(
      { tx, actor: admin, auditContext },
      { userId: id(targetKey), reason: "Ticket 4711" },
      openSession,
    );
    await afterStart?.();
    return started;
  });
}

describe("starting an impersonation", () => {
  it("opens the session and audits the admin, the user and the reason", async () => {
    const opened: string[] = [];
    await start("memberA1", async (userId) => void opened.push(userId));
    expect(opened).toEqual([id("memberA1")]);
    const [row] = await auditRowsFor("user", id("memberA1"));
    expect(row).toMatchObject({
      action: "impersonation.started",
      userId: id("platformAdmin"),
      impersonatedUserId: id("memberA1"),
      metadata: { reason: "Ticket 4711" },
    });
  });

  it("refuses another admin and a banned user, with no session and no audit row", async () => {
    const opened: string[] = [];
    const openSession = async (userId: string) => void opened.push(userId);
    const otherAdmin = `${id("x")}-admin`;
    await getDb()
      .insert(users)
      .values({ id: otherAdmin, name: "Other admin", email: `${otherAdmin}@fixture.test`, role: "admin" });
    await expect(start("x-admin", openSession)).rejects.toThrow(UserFacingError);
    await expect(start("x-admin", openSession)).rejects.toThrow("Administrators cannot be impersonated.");
    await expect(start("outsider", openSession)).rejects.toThrow(/Banned users cannot be impersonated/);
    expect(opened).toEqual([]);
    expect(await auditRowsFor("user", otherAdmin)).toHaveLength(0);
    expect(await auditRowsFor("user", id("outsider"))).toHaveLength(0);
  });

  it("leaves no audit row when the session cannot be opened", async () => {
    await expect(
      start("memberB1", async () => {
        throw new Error("auth down");
      }),
    ).rejects.toThrow("auth down");
    expect(await auditRowsFor("user", id("memberB1"))).toHaveLength(0);
  });

  it("closes the session it opened when the transaction cannot commit, leaving neither session nor audit row", async () => {
    // A real better-auth session row, written the way impersonateUser writes it.
    const openSession: OpenImpersonationSession = async (userId) => {
      await (await getAuth().$context).internalAdapter.createSession(userId);
    };
    await expect(
      start("adminA", openSession, async () => {
        throw new Error("database gone");
      }),
    ).rejects.toThrow("database gone");
    expect(
      await getDb()
        .select()
        .from(sessions)
        .where(eq(sessions.userId, id("adminA"))),
    ).toHaveLength(0);
    expect(await auditRowsFor("user", id("adminA"))).toHaveLength(0);
  });
});
