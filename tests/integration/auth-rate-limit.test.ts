/**
 * The sign-in rate limit over real HTTP counts attempts per client address — the address the
 * audit trail records: the connection's own, unless TRUSTED_PROXY_HOPS says how many proxies
 * in front append to x-forwarded-for. A client writing x-forwarded-for itself gets nothing from
 * it. The count lives in the database (shared by every app instance).
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs, rateLimits, sessions } from "@/db/schema";
import {
  createUserWithPassword,
  randomLoopbackAddress,
  serveAuthRoute,
  type AuthServer,
  type Caller,
} from "../support/auth-http";

// Read when the auth instance is first built, which this file does (nothing has called getAuth yet).
process.env.AUTH_SIGN_IN_RATE_LIMIT = "3";

let server: AuthServer;
let user: { id: string; email: string; password: string };
beforeAll(async () => {
  server = await serveAuthRoute();
  user = await createUserWithPassword("user");
});
afterAll(() => server?.close());
afterEach(() => {
  delete process.env.TRUSTED_PROXY_HOPS;
});

const signIn = (from: Caller, password = "wrong-password-123") =>
  server.post("/sign-in/email", { email: user.email, password }, from).then((r) => r.status);

const limiterRow = async (ip: string) =>
  (
    await getDb()
      .select()
      .from(rateLimits)
      .where(eq(rateLimits.key, `${ip}|/sign-in/email`))
  )[0];

describe("sign-in rate limit, no proxy trusted (the default)", () => {
  it("stops twelve wrong passwords from one connection address, each with another x-forwarded-for", async () => {
    const socketAddress = randomLoopbackAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 12; attempt++) {
      statuses.push(await signIn({ socketAddress, forwardedFor: `198.51.100.${attempt + 1}` }));
    }
    expect(statuses).toEqual([401, 401, 401, ...Array(9).fill(429)]);
    // Stopped even with the right password, however the header is spelled.
    expect(await signIn({ socketAddress, forwardedFor: "203.0.113.250" }, user.password)).toBe(429);
    expect(await limiterRow(socketAddress)).toMatchObject({ count: 3 });
    expect(await limiterRow("198.51.100.1")).toBeUndefined();
  });

  it("still serves another address, and records the connection's address on the session and audit row", async () => {
    const socketAddress = randomLoopbackAddress();
    expect(await signIn({ socketAddress, forwardedFor: "192.0.2.77" }, user.password)).toBe(200);
    const [session] = await getDb().select().from(sessions).where(eq(sessions.userId, user.id));
    expect(session!.ipAddress).toBe(socketAddress);
    const [audit] = await getDb().select().from(auditLogs).where(eq(auditLogs.resourceId, session!.id));
    expect(audit).toMatchObject({ action: "auth.signed_in", ipAddress: socketAddress });
  });
});

describe("sign-in rate limit behind trusted proxies (TRUSTED_PROXY_HOPS)", () => {
  it("with one proxy, counts the address the proxy appended, not what the client wrote before it", async () => {
    process.env.TRUSTED_PROXY_HOPS = "1";
    const proxy = randomLoopbackAddress();
    // The proxy appends the client it saw (203.0.113.7); the client prepended forged hops.
    for (let attempt = 0; attempt < 3; attempt++)
      expect(await signIn({ socketAddress: proxy, forwardedFor: `10.9.9.${attempt}, 203.0.113.7` })).toBe(
        401,
      );
    expect(await signIn({ socketAddress: proxy, forwardedFor: "10.9.9.200, 203.0.113.7" })).toBe(429);
    expect(await signIn({ socketAddress: proxy, forwardedFor: "203.0.113.7" }, user.password)).toBe(429);

    // Another client behind the same proxy is its own bucket, and the proxy itself is none.
    expect(await signIn({ socketAddress: proxy, forwardedFor: "203.0.113.8" })).toBe(401);
    expect(await limiterRow("203.0.113.7")).toMatchObject({ count: 3 });
    expect(await limiterRow("203.0.113.8")).toMatchObject({ count: 1 });
    expect(await limiterRow(proxy)).toBeUndefined();
  });

  it("with two proxies, counts the address the outer one saw", async () => {
    process.env.TRUSTED_PROXY_HOPS = "2";
    const inner = randomLoopbackAddress();
    for (let attempt = 0; attempt < 3; attempt++) {
      expect(
        await signIn({ socketAddress: inner, forwardedFor: `192.0.2.${attempt}, 203.0.113.20, 10.0.0.1` }),
      ).toBe(401);
    }
    expect(await signIn({ socketAddress: inner, forwardedFor: "203.0.113.20, 10.0.0.2" })).toBe(429);
    expect(await limiterRow("203.0.113.20")).toMatchObject({ count: 3 });
    expect(await limiterRow("10.0.0.1")).toBeUndefined();
  });
});
