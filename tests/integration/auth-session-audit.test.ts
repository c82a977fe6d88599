/**
 * Signing in and out over HTTP leaves `auth.signed_in` / `auth.signed_out` rows in the audit trail
 * with the client's address (here behind one trusted proxy: the address it appended to
 * x-forwarded-for) and browser, and the session records the same address the rate limiter counts.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs, sessions } from "@/db/schema";
import { auditRowsFor } from "../support/audit-rows";
import { cookieFrom, createUserWithPassword, serveAuthRoute, type AuthServer } from "../support/auth-http";

// One proxy in front of the portal: the last x-forwarded-for entry is the client it saw.
process.env.TRUSTED_PROXY_HOPS = "1";

let server: AuthServer;
beforeAll(async () => {
  server = await serveAuthRoute();
});
afterAll(() => server?.close());

const sessionAuditRows = (userId: string) =>
  getDb()
    .select()
    .from(auditLogs)
    .where(
      and(eq(auditLogs.userId, userId), inArray(auditLogs.action, ["auth.signed_in", "auth.signed_out"])),
    );

describe("sign-in and sign-out audit", () => {
  it("records who signed in and out, from which client address and browser", async () => {
    const user = await createUserWithPassword("user");
    const signIn = await server.post(
      "/sign-in/email",
      { email: user.email, password: user.password },
      { forwardedFor: "10.0.0.1, 203.0.113.60", userAgent: "Firefox/140 (sign-in)" },
    );
    expect(signIn.status).toBe(200);
    const [session] = await getDb().select().from(sessions).where(eq(sessions.userId, user.id));
    expect(session).toMatchObject({ ipAddress: "203.0.113.60", userAgent: "Firefox/140 (sign-in)" });

    const signOut = await server.post(
      "/sign-out",
      {},
      {
        cookie: cookieFrom(signIn),
        forwardedFor: "10.0.0.2, 203.0.113.61",
        userAgent: "Firefox/140 (sign-out)",
      },
    );
    expect(signOut.status).toBe(200);

    const rows = await auditRowsFor("session", session!.id);
    expect(
      rows.map(({ action, userId, impersonatedUserId, ipAddress, userAgent }) => ({
        action,
        userId,
        impersonatedUserId,
        ipAddress,
        userAgent,
      })),
    ).toEqual(
      expect.arrayContaining([
        {
          action: "auth.signed_in",
          userId: user.id,
          impersonatedUserId: null,
          ipAddress: "203.0.113.60",
          userAgent: "Firefox/140 (sign-in)",
        },
        {
          action: "auth.signed_out",
          userId: user.id,
          impersonatedUserId: null,
          ipAddress: "203.0.113.61",
          userAgent: "Firefox/140 (sign-out)",
        },
      ]),
    );
    expect(rows).toHaveLength(2);
  });

  it("records nothing for a failed sign-in or a sign-out without a session", async () => {
    const user = await createUserWithPassword("user");
    const failed = await server.post(
      "/sign-in/email",
      { email: user.email, password: "wrong-password-123" },
      { forwardedFor: "203.0.113.62" },
    );
    expect(failed.status).toBe(401);
    await server.post("/sign-out", {}, { forwardedFor: "203.0.113.62" });
    expect(await sessionAuditRows(user.id)).toHaveLength(0);
  });
});
