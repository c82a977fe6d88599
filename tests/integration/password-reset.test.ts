/**
 * Forgot password over real HTTP (the /api/auth route as the browser reaches it): the same
 * answer for an address with and without an account; a queued e-mail with the link only for the
 * account; the link's token sets a new password once, ends the account's sessions, and is then
 * dead; asking is limited per client address; each step that concerns an account is audited.
 */
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs, outboxEmails, sessions, verifications } from "@/db/schema";
import { PASSWORD_RESET_RATE_LIMITS } from "@/lib/auth/password-reset";
import { isResetTokenUsable } from "@/lib/auth/reset-token";
import { deliverOutboxEmail } from "@/lib/email/deliver-email";
import {
  cookieFrom,
  createUserWithPassword,
  randomLoopbackAddress,
  serveAuthRoute,
  type AuthServer,
} from "../support/auth-http";
import { waitForMailTo } from "../support/mailbox";

let server: AuthServer;
beforeAll(async () => {
  server = await serveAuthRoute();
});
afterAll(() => server?.close());

const resetEmailsTo = (address: string) =>
  getDb()
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.toAddress, address), eq(outboxEmails.kind, "password_reset")));

/** The outbox row is written just after the answer (so the answer takes no longer for a real account): wait for it. */
async function waitForResetEmail(address: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const [row] = await resetEmailsTo(address);
    if (row) return row;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no password_reset e-mail was queued for ${address}`);
}

const tokenOf = (url: string) => new URL(url).searchParams.get("token")!;

const auditRows = (userId: string, action: string) =>
  getDb()
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.resourceId, userId), eq(auditLogs.action, action)));

describe("asking for a reset link", () => {
  it("answers an address with an account and one without alike; only the account gets an e-mail, audited", async () => {
    const user = await createUserWithPassword("user");
    const socketAddress = randomLoopbackAddress();
    const unknown = `nobody-${Date.now()}@auth-route.test`;

    const known = await server.post("/request-password-reset", { email: user.email }, { socketAddress });
    const missing = await server.post("/request-password-reset", { email: unknown }, { socketAddress });
    expect(known.status).toBe(200);
    expect(missing.status).toBe(known.status);
    expect(await missing.json()).toEqual(await known.json());

    const email = await waitForResetEmail(user.email);
    expect(email).toMatchObject({ status: "queued", recipientUserId: user.id });
    const url = (email.payload as { url: string }).url;
    expect(url).toMatch(/^http:\/\/localhost:3000\/reset-password\?token=[A-Za-z0-9]+$/);
    expect(await isResetTokenUsable(tokenOf(url))).toBe(true);
    expect(await resetEmailsTo(unknown)).toEqual([]);

    const [audit] = await auditRows(user.id, "auth.password_reset_requested");
    expect(audit).toMatchObject({ userId: user.id, resourceType: "user", ipAddress: socketAddress });

    // The worker's delivery, run here: the message arrives over SMTP with the link in it.
    await deliverOutboxEmail(email.id, { jobId: "password-reset-test", lastAttempt: false });
    const [message] = await waitForMailTo(user.email);
    expect(message!.text).toContain(url);
    expect(message!.html).toContain(url.replace(/&/g, "&amp;"));
  });

  it(`stops a client address after ${PASSWORD_RESET_RATE_LIMITS["/request-password-reset"].max} requests in ten minutes, known address or not`, async () => {
    const socketAddress = randomLoopbackAddress();
    const { max } = PASSWORD_RESET_RATE_LIMITS["/request-password-reset"];
    const statuses: number[] = [];
    for (let attempt = 0; attempt < max + 2; attempt++) {
      const response = await server.post(
        "/request-password-reset",
        { email: `probe-${attempt}-${Date.now()}@auth-route.test` },
        { socketAddress },
      );
      statuses.push(response.status);
    }
    expect(statuses).toEqual([...Array<number>(max).fill(200), 429, 429]);
    // Another address is its own bucket.
    const other = await server.post(
      "/request-password-reset",
      { email: `probe-other-${Date.now()}@auth-route.test` },
      { socketAddress: randomLoopbackAddress() },
    );
    expect(other.status).toBe(200);
  });
});

describe("setting the new password with the link", () => {
  it("works once: the old password stops working, the new one works, sessions end, and the token is dead", async () => {
    const user = await createUserWithPassword("user");
    const socketAddress = randomLoopbackAddress();
    // A session from before the reset (someone who knew the old password, say).
    const before = await server.post(
      "/sign-in/email",
      { email: user.email, password: user.password },
      { socketAddress },
    );
    expect(before.status).toBe(200);
    expect(cookieFrom(before)).toMatch(/session_token=/);

    await server.post("/request-password-reset", { email: user.email }, { socketAddress });
    const token = tokenOf(((await waitForResetEmail(user.email)).payload as { url: string }).url);

    const tooShort = await server.post("/reset-password", { newPassword: "short", token }, { socketAddress });
    expect(tooShort.status).toBe(400);
    expect(await isResetTokenUsable(token)).toBe(true);

    const newPassword = "a-brand-new-password-42";
    const reset = await server.post("/reset-password", { newPassword, token }, { socketAddress });
    expect(reset.status).toBe(200);
    expect(await getDb().select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);

    const signIn = (password: string) =>
      server.post(
        "/sign-in/email",
        { email: user.email, password },
        { socketAddress: randomLoopbackAddress() },
      );
    expect((await signIn(user.password)).status).toBe(401);
    expect((await signIn(newPassword)).status).toBe(200);

    const reuse = await server.post(
      "/reset-password",
      { newPassword: "yet-another-password-77", token },
      { socketAddress },
    );
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toMatchObject({ code: "INVALID_TOKEN" });
    expect(await isResetTokenUsable(token)).toBe(false);
    expect((await signIn(newPassword)).status).toBe(200);

    const [completed] = await auditRows(user.id, "auth.password_reset_completed");
    expect(completed).toMatchObject({ userId: user.id, resourceType: "user", ipAddress: socketAddress });
    expect(await auditRows(user.id, "auth.password_reset_completed")).toHaveLength(1);
  });

  it("is served as the portal's own page: better-auth's redirecting GET link is not open over HTTP", async () => {
    const response = await server.get("/reset-password/some-token?callbackURL=%2F");
    expect(response.status).toBe(404);
  });

  it("refuses an expired token and one that never existed", async () => {
    const user = await createUserWithPassword("user");
    const socketAddress = randomLoopbackAddress();
    await server.post("/request-password-reset", { email: user.email }, { socketAddress });
    const token = tokenOf(((await waitForResetEmail(user.email)).payload as { url: string }).url);
    await getDb()
      .update(verifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(like(verifications.identifier, `%${token}`));
    expect(await isResetTokenUsable(token)).toBe(false);

    const expired = await server.post(
      "/reset-password",
      { newPassword: "a-brand-new-password-42", token },
      { socketAddress },
    );
    expect(expired.status).toBe(400);
    const invented = await server.post(
      "/reset-password",
      { newPassword: "a-brand-new-password-42", token: "not-a-token-at-all" },
      { socketAddress },
    );
    expect(invented.status).toBe(400);
    expect(await isResetTokenUsable("not-a-token-at-all")).toBe(false);
    expect(await auditRows(user.id, "auth.password_reset_completed")).toEqual([]);
  });
});
