/**
 * When an impersonation session runs out, the admin is not signed out: the next page sends the
 * browser to /api/impersonation/resume, which puts them back into their own session, audits the
 * end for both people and lands them on the users page with a notice.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as resumeRoute } from "@/app/api/impersonation/resume/route";
import { getDb } from "@/db/client";
import { auditLogs, sessions } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { getAuth } from "@/lib/auth/auth";
import { standingOf } from "@/lib/auth/session-standing";
import { startImpersonationDefinition } from "@/lib/impersonation/impersonation-definitions";
import { holdsSavedAdminSession } from "@/lib/impersonation/resume-admin-session";
import { as } from "../support/admin-session";
import { createUserWithPassword, serveAuthRoute, type AuthServer } from "../support/auth-http";
import { enrolForTest } from "../support/two-factor";

let server: AuthServer;
beforeAll(async () => {
  server = await serveAuthRoute();
});
afterAll(() => server?.close());

/** A browser's cookie jar: later Set-Cookie headers replace or expire earlier cookies. */
class CookieJar {
  private cookies = new Map<string, string>();
  take(headers: Headers) {
    for (const cookie of headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      const expired = attributes.some(
        (a) => /^\s*max-age=0\s*$/i.test(a) || /^\s*expires=thu, 01 jan 1970/i.test(a),
      );
      if (expired || value.join("=") === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join("="));
    }
  }
  names = () => [...this.cookies.keys()];
  header = () => [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

async function signedInAdminImpersonating() {
  const admin = await createUserWithPassword("admin");
  const target = await createUserWithPassword("user");
  const jar = new CookieJar();
  // Admins sign in with their second factor (impersonation needs a session that passed it).
  const enrolment = await enrolForTest(admin.id);
  const signIn = await server.post("/sign-in/email", { email: admin.email, password: admin.password });
  expect(signIn.status).toBe(200);
  jar.take(signIn.headers);
  const secondStep = await server.post(
    "/two-factor/verify-totp",
    { code: enrolment.code() },
    { cookie: jar.header() },
  );
  expect(secondStep.status).toBe(200);
  jar.take(secondStep.headers);
  // As the users page does it: the audited action, better-auth opening the session inside it.
  const actor = (await standingOf(getDb(), (await sessionOf(jar))!))!.actor;
  const impersonate = defineAction(
    startImpersonationDefinition(async (userId) => {
      const opened = await getAuth().api.impersonateUser({
        body: { userId },
        headers: new Headers({ cookie: jar.header() }),
        returnHeaders: true,
      });
      jar.take(opened.headers);
    }),
    as(actor),
  );
  expect(await impersonate({ userId: target.id, reason: "Ticket 77" })).toMatchObject({ ok: true });
  return { admin, target, jar };
}

const sessionOf = (jar: CookieJar) =>
  getAuth().api.getSession({
    headers: new Headers({ cookie: jar.header() }),
    query: { disableCookieCache: true },
  });
const resume = (jar: CookieJar) =>
  resumeRoute(
    new Request("http://portal.test/api/impersonation/resume", {
      headers: { cookie: jar.header(), "user-agent": "vitest" },
    }),
  );

describe("an impersonation that runs out", () => {
  it("puts the admin back into their own session, with a notice and an audit row naming both", async () => {
    const { admin, target, jar } = await signedInAdminImpersonating();
    expect((await sessionOf(jar))?.user.id).toBe(target.id);

    // The hour is up.
    await getDb()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(and(eq(sessions.userId, target.id), eq(sessions.impersonatedBy, admin.id)));
    expect(await sessionOf(jar)).toBeNull();
    // What a page checks before sending the browser to sign-in.
    expect(holdsSavedAdminSession(jar.names())).toBe(true);

    const response = await resume(jar);
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(
      `/admin/users?notice=impersonation-ended&user=${target.id}`,
    );
    jar.take(response.headers);

    const session = await sessionOf(jar);
    expect(session?.user.id).toBe(admin.id);
    expect(session?.session.impersonatedBy ?? null).toBeNull();
    expect(holdsSavedAdminSession(jar.names())).toBe(false);

    const rows = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "impersonation.expired"), eq(auditLogs.userId, admin.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      impersonatedUserId: target.id,
      resourceType: "user",
      resourceId: target.id,
    });
  });

  it("signs nobody in when the admin's own session has ended too", async () => {
    const { admin, target, jar } = await signedInAdminImpersonating();
    await getDb()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(sessions.userId, target.id));
    await getDb()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(sessions.userId, admin.id));

    const response = await resume(jar);
    expect(response.headers.get("location")).toBe("/");
    jar.take(response.headers);
    expect(await sessionOf(jar)).toBeNull();
    expect(holdsSavedAdminSession(jar.names())).toBe(false);
  });

  it("leaves a running impersonation alone", async () => {
    const { target, jar } = await signedInAdminImpersonating();
    const response = await resume(jar);
    expect(response.headers.get("location")).toBe("/");
    jar.take(response.headers);
    expect((await sessionOf(jar))?.user.id).toBe(target.id);
    expect(holdsSavedAdminSession(jar.names())).toBe(true);
  });
});
