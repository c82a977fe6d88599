/**
 * The sign-in rate limit over real HTTP counts attempts per client address — the first hop of
 * x-forwarded-for, the address the audit trail records — so one client hammering sign-in is
 * stopped while others behind the same proxy still get in, and the count lives in the database
 * (shared by every app instance).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { createUserWithPassword, serveAuthRoute, type AuthServer } from "../support/auth-http";

// Read when the auth instance is first built, which this file does (nothing has called getAuth yet).
process.env.AUTH_SIGN_IN_RATE_LIMIT = "3";

let server: AuthServer;
let user: { email: string; password: string };
beforeAll(async () => {
  server = await serveAuthRoute();
  user = await createUserWithPassword("user");
});
afterAll(() => server?.close());

const signIn = (forwardedFor: string, password = "wrong-password-123") =>
  server.post("/sign-in/email", { email: user.email, password }, { forwardedFor }).then((r) => r.status);

const limiterRow = async (ip: string) =>
  (await getDb().select().from(rateLimits).where(eq(rateLimits.key, `${ip}|/sign-in/email`)))[0];

describe("sign-in rate limit per client address", () => {
  it("answers 429 after the allowed bad attempts from one address, even to the right password, and still serves another", async () => {
    for (let attempt = 0; attempt < 3; attempt++) expect(await signIn("198.51.100.31")).toBe(401);
    expect(await signIn("198.51.100.31")).toBe(429);
    expect(await signIn("198.51.100.31", user.password)).toBe(429);

    expect(await signIn("198.51.100.32")).toBe(401);
    expect(await signIn("198.51.100.32", user.password)).toBe(200);

    expect(await limiterRow("198.51.100.31")).toMatchObject({ count: 3 });
    expect(await limiterRow("198.51.100.32")).toMatchObject({ count: 2 });
  });

  it("limits a multi-hop x-forwarded-for as its first hop, not as the proxy or one shared bucket", async () => {
    for (let attempt = 0; attempt < 3; attempt++) expect(await signIn("203.0.113.7, 10.0.0.1")).toBe(401);
    expect(await signIn("203.0.113.7, 10.0.0.1")).toBe(429);
    expect(await signIn("203.0.113.7")).toBe(429);
    expect(await signIn("203.0.113.7, 10.0.0.2")).toBe(429);

    // Another client behind the same proxy is its own bucket.
    expect(await signIn("203.0.113.8, 10.0.0.1")).toBe(401);

    expect(await limiterRow("203.0.113.7")).toMatchObject({ count: 3 });
    expect(await limiterRow("203.0.113.8")).toMatchObject({ count: 1 });
    expect(await limiterRow("10.0.0.1")).toBeUndefined();
  });
});
