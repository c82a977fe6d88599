/**
 * Two-factor sign-in (issue 17) over the real /api/auth route and the real action definitions:
 * enrolment with the password and a first code, the second step at sign-in (code or a backup code
 * that works once), who must enrol (the choke point's standing), the admin's reset with a reason,
 * turning one's own off only with a backup code, the organization owner's requirement, and
 * impersonation only from a session that passed the second step.
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs, members, organizations, sessions, specialists, twoFactors, users } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { getAuth } from "@/lib/auth/auth";
import type { Actor } from "@/lib/authz/actor";
import { readAuthEnv } from "@/lib/auth/config";
import { standingOf } from "@/lib/auth/session-standing";
import { startImpersonationDefinition } from "@/lib/impersonation/impersonation-definitions";
import { totpCodeFor, totpCodeFromUri } from "@/lib/two-factor/totp-code";
import {
  disableOwnTwoFactorDefinition,
  resetTwoFactorDefinition,
  setOrganizationTwoFactorDefinition,
} from "@/lib/two-factor/two-factor-definitions";
import { as } from "../support/admin-session";
import { auditRowsFor } from "../support/audit-rows";
import {
  createUserWithPassword,
  randomLoopbackAddress,
  serveAuthRoute,
  type AuthServer,
} from "../support/auth-http";
import { CookieJar, enrolForTest, signInWithSecondStep } from "../support/two-factor";

let server: AuthServer;
beforeAll(async () => {
  server = await serveAuthRoute();
});
afterAll(() => server?.close());

/** A code that is not the current one (nor the neighbouring steps an app may still show). */
const wrongCode = (secretCode: () => string) => {
  const right = secretCode();
  return right === "000000" ? "111111" : "000000";
};

const sessionsOf = (userId: string) => getDb().select().from(sessions).where(eq(sessions.userId, userId));
const userRow = async (userId: string) =>
  (await getDb().select().from(users).where(eq(users.id, userId)))[0]!;
const sessionOf = (jar: CookieJar) =>
  getAuth().api.getSession({
    headers: new Headers({ cookie: jar.header() }),
    query: { disableCookieCache: true },
  });
const actionsFor = async (userId: string) =>
  (await getDb().select().from(auditLogs).where(eq(auditLogs.userId, userId))).map((row) => row.action);

/** Each from an address of its own: the tests sign in often, and the limiter counts per address. */
async function signInByPassword(user: { email: string; password: string }) {
  const response = await server.post(
    "/sign-in/email",
    { email: user.email, password: user.password },
    { socketAddress: randomLoopbackAddress() },
  );
  expect(response.status).toBe(200);
  return new CookieJar().take(response.headers);
}

describe("enrolment over /api/auth", () => {
  it("starts with the password, confirms with the first code, then asks for a code at every sign-in", async () => {
    const user = await createUserWithPassword("user");
    const jar = await signInByPassword(user);
    const [passwordSession] = await sessionsOf(user.id);
    expect(passwordSession?.twoFactorVerifiedAt).toBeNull();

    const wrongPassword = await server.post(
      "/two-factor/enable",
      { password: "not-my-password" },
      { cookie: jar.header() },
    );
    expect(wrongPassword.status).toBe(400);

    const started = await server.post(
      "/two-factor/enable",
      { password: user.password },
      { cookie: jar.header() },
    );
    expect(started.status).toBe(200);
    const { totpURI, backupCodes } = (await started.json()) as { totpURI: string; backupCodes: string[] };
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/IME%20Portal:/);
    expect(backupCodes).toHaveLength(10);
    // Not on until a code confirms the app has the key.
    expect((await userRow(user.id)).twoFactorEnabled).toBe(false);

    const code = () => totpCodeFromUri(totpURI);
    const refused = await server.post(
      "/two-factor/verify-totp",
      { code: wrongCode(code) },
      { cookie: jar.header() },
    );
    expect(refused.status).toBe(401);
    expect((await userRow(user.id)).twoFactorEnabled).toBe(false);

    const confirmed = await server.post(
      "/two-factor/verify-totp",
      { code: code() },
      { cookie: jar.header() },
    );
    expect(confirmed.status).toBe(200);
    jar.take(confirmed.headers);
    expect((await userRow(user.id)).twoFactorEnabled).toBe(true);
    // The password-only session was replaced by one issued on the confirming code.
    const after = await sessionsOf(user.id);
    expect(after.map((s) => s.id)).not.toContain(passwordSession!.id);
    expect((await sessionOf(jar))?.session.twoFactorVerifiedAt).toBeInstanceOf(Date);
    expect(await actionsFor(user.id)).toContain("auth.two_factor_enrolled");

    // A later sign-in: the password alone opens no session.
    const before = (await sessionsOf(user.id)).length;
    const passwordOnly = await server.post("/sign-in/email", { email: user.email, password: user.password });
    expect(await passwordOnly.json()).toMatchObject({ twoFactorRedirect: true });
    expect(passwordOnly.headers.getSetCookie().some((c) => /session_token=[^;]+/.test(c))).toBe(false);
    expect(await sessionsOf(user.id)).toHaveLength(before);
    const signedInRows = async () => (await actionsFor(user.id)).filter((a) => a === "auth.signed_in").length;
    const signedInBefore = await signedInRows();
    const pending = new CookieJar().take(passwordOnly.headers);
    const wrong = await server.post(
      "/two-factor/verify-totp",
      { code: wrongCode(code) },
      { cookie: pending.header() },
    );
    expect(wrong.status).toBe(401);
    expect(await sessionsOf(user.id)).toHaveLength(before);
    const right = await server.post(
      "/two-factor/verify-totp",
      { code: code() },
      { cookie: pending.header() },
    );
    expect(right.status).toBe(200);
    pending.take(right.headers);
    const session = await sessionOf(pending);
    expect(session?.user.id).toBe(user.id);
    expect(session?.session.twoFactorVerifiedAt).toBeInstanceOf(Date);
    // One sign-in row, for the session the code issued — none for the password step's challenge.
    expect(await signedInRows()).toBe(signedInBefore + 1);
    const [signedIn] = await auditRowsFor("session", session!.session.id);
    expect(signedIn).toMatchObject({
      action: "auth.signed_in",
      userId: user.id,
      metadata: { secondFactor: "totp" },
    });
  });

  it("takes a backup code instead of the app's code, once", async () => {
    const user = await createUserWithPassword("user");
    const enrolment = await enrolForTest(user.id);
    const backupCode = enrolment.backupCodes[3]!;
    const first = await signInWithSecondStep(server, user, {
      path: "/two-factor/verify-backup-code",
      code: backupCode,
    });
    expect(first.response.status).toBe(200);
    const session = await sessionOf(first.jar);
    expect(session?.session.twoFactorVerifiedAt).toBeInstanceOf(Date);
    expect(await actionsFor(user.id)).toEqual(
      expect.arrayContaining(["auth.two_factor_backup_code_used", "auth.signed_in"]),
    );

    const again = await signInWithSecondStep(server, user, {
      path: "/two-factor/verify-backup-code",
      code: backupCode,
    });
    expect(again.response.status).toBe(401);
    expect((await sessionOf(again.jar))?.user.id).toBeUndefined();
    // Another of the codes still works.
    const other = await signInWithSecondStep(server, user, {
      path: "/two-factor/verify-backup-code",
      code: enrolment.backupCodes[4]!,
    });
    expect(other.response.status).toBe(200);
  });

  it("does not offer trusted devices: a second step asking for one is refused", async () => {
    const user = await createUserWithPassword("user");
    const enrolment = await enrolForTest(user.id);
    const first = await server.post("/sign-in/email", { email: user.email, password: user.password });
    const jar = new CookieJar().take(first.headers);
    const response = await server.post(
      "/two-factor/verify-totp",
      { code: enrolment.code(), trustDevice: true },
      { cookie: jar.header() },
    );
    expect(response.status).toBe(400);
    expect(response.headers.getSetCookie().some((c) => c.includes("trust_device"))).toBe(false);
    expect(await sessionsOf(user.id)).toHaveLength(0);
  });

  it("serves only the steps the screens use: disable, new backup codes, the key again and OTP by e-mail are 404", async () => {
    const user = await createUserWithPassword("user");
    const enrolment = await enrolForTest(user.id);
    const { jar } = await signInWithSecondStep(server, user, {
      path: "/two-factor/verify-totp",
      code: enrolment.code(),
    });
    const calls = [
      ["/two-factor/disable", { password: user.password }],
      ["/two-factor/generate-backup-codes", { password: user.password }],
      ["/two-factor/get-totp-uri", { password: user.password }],
      ["/two-factor/send-otp", {}],
      ["/two-factor/verify-otp", { code: "123456" }],
    ] as const;
    for (const [path, body] of calls)
      expect
        .soft({ path, status: (await server.post(path, body, { cookie: jar.header() })).status })
        .toEqual({ path, status: 404 });
    expect((await userRow(user.id)).twoFactorEnabled).toBe(true);
    expect(await getDb().select().from(twoFactors).where(eq(twoFactors.userId, user.id))).toHaveLength(1);
  });

  it("rate limits the code like sign-in, per client address", async () => {
    const { AUTH_SIGN_IN_RATE_LIMIT: limit } = readAuthEnv();
    const socketAddress = randomLoopbackAddress();
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= limit; attempt++)
      statuses.push(
        (await server.post("/two-factor/verify-totp", { code: "123456" }, { socketAddress })).status,
      );
    expect(statuses.slice(0, limit).every((status) => status === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe("who must enrol (the standing every page, action and route resolves)", () => {
  const tag = () => randomBytes(4).toString("hex");
  const standing = async (jar: CookieJar) => standingOf(getDb(), (await sessionOf(jar))!);

  it("holds an unenrolled admin and specialist, not a referrer; enrolled, they pass", async () => {
    const admin = await createUserWithPassword("admin");
    const specialistUser = await createUserWithPassword("user");
    await getDb()
      .insert(specialists)
      .values({
        userId: specialistUser.id,
        acuityCalendarId: `cal-${tag()}`,
        name: "Dr Two Factor",
        specialty: "Orthopaedics",
        location: "Toronto",
        timezone: "America/Toronto",
      });
    const referrer = await createUserWithPassword("user");

    expect((await standing(await signInByPassword(admin)))?.mustEnrolTwoFactor).toBe(true);
    expect((await standing(await signInByPassword(specialistUser)))?.mustEnrolTwoFactor).toBe(true);
    expect((await standing(await signInByPassword(referrer)))?.mustEnrolTwoFactor).toBe(false);

    const enrolment = await enrolForTest(admin.id);
    const { jar } = await signInWithSecondStep(server, admin, {
      path: "/two-factor/verify-totp",
      code: enrolment.code(),
    });
    expect(await standing(jar)).toMatchObject({
      mustEnrolTwoFactor: false,
      actor: { secondFactorVerified: true },
    });
  });

  it("holds the members of an organization whose owner requires it, and only those", async () => {
    const organizationId = `org-${tag()}`;
    const otherOrganizationId = `org-${tag()}`;
    await getDb()
      .insert(organizations)
      .values([
        { id: organizationId, name: `Strict ${organizationId}`, slug: organizationId, createdAt: new Date() },
        {
          id: otherOrganizationId,
          name: `Other ${otherOrganizationId}`,
          slug: otherOrganizationId,
          createdAt: new Date(),
        },
      ]);
    const [owner, member, outsider] = await Promise.all([
      createUserWithPassword("user"),
      createUserWithPassword("user"),
      createUserWithPassword("user"),
    ]);
    await getDb()
      .insert(members)
      .values([
        { organizationId, userId: owner.id, role: "owner", createdAt: new Date() },
        { organizationId, userId: member.id, role: "member", createdAt: new Date() },
        { organizationId: otherOrganizationId, userId: outsider.id, role: "owner", createdAt: new Date() },
      ]);
    const ownerActor = (await standing(await signInByPassword(owner)))!.actor;
    const setRequirement = defineAction(setOrganizationTwoFactorDefinition, as(ownerActor));

    // Another organization's setting is "not found" to this owner; a plain member may not change any.
    const outsiderActor = (await standing(await signInByPassword(outsider)))!.actor;
    expect(
      await defineAction(
        setOrganizationTwoFactorDefinition,
        as(outsiderActor),
      )({ organizationId, requireTwoFactor: true }),
    ).toMatchObject({ ok: false, code: "not_found" });
    const memberActor = (await standing(await signInByPassword(member)))!.actor;
    expect(
      await defineAction(
        setOrganizationTwoFactorDefinition,
        as(memberActor),
      )({ organizationId, requireTwoFactor: true }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect((await standing(await signInByPassword(member)))?.mustEnrolTwoFactor).toBe(false);

    expect(await setRequirement({ organizationId, requireTwoFactor: true })).toMatchObject({ ok: true });
    expect((await standing(await signInByPassword(member)))?.mustEnrolTwoFactor).toBe(true);
    expect((await standing(await signInByPassword(owner)))?.mustEnrolTwoFactor).toBe(true);
    expect((await standing(await signInByPassword(outsider)))?.mustEnrolTwoFactor).toBe(false);
    const [row] = await auditRowsFor("organization", organizationId);
    expect(row).toMatchObject({
      action: "organization.settings_updated",
      userId: owner.id,
      metadata: { requireTwoFactor: true },
    });

    // The form's unticked checkbox sends nothing: that is "not required".
    const form = new FormData();
    form.set("organizationId", organizationId);
    expect(await setRequirement(form)).toMatchObject({ ok: true, data: { requireTwoFactor: false } });
    expect((await standing(await signInByPassword(member)))?.mustEnrolTwoFactor).toBe(false);
  });

  it("never holds an admin's impersonation session", async () => {
    const specialistUser = await createUserWithPassword("user");
    await getDb()
      .insert(specialists)
      .values({
        userId: specialistUser.id,
        acuityCalendarId: `cal-${tag()}`,
        name: "Dr Held",
        specialty: "Neurology",
        location: "Ottawa",
        timezone: "America/Toronto",
      });
    const result = await standingOf(getDb(), {
      user: { id: specialistUser.id, twoFactorEnabled: false },
      session: { impersonatedBy: "some-admin", twoFactorVerifiedAt: null },
    });
    expect(result?.mustEnrolTwoFactor).toBe(false);
  });
});

describe("resetting a second factor", () => {
  async function enrolledAdmin() {
    const admin = await createUserWithPassword("admin");
    const enrolment = await enrolForTest(admin.id);
    const { jar } = await signInWithSecondStep(server, admin, {
      path: "/two-factor/verify-totp",
      code: enrolment.code(),
    });
    const actor = (await standingOf(getDb(), (await sessionOf(jar))!))!.actor;
    return { admin, enrolment, jar, actor };
  }

  it("an admin resets someone else's with a reason: factor gone, signed out, audited", async () => {
    const { actor } = await enrolledAdmin();
    const target = await createUserWithPassword("user");
    const targetEnrolment = await enrolForTest(target.id);
    await signInWithSecondStep(server, target, {
      path: "/two-factor/verify-totp",
      code: targetEnrolment.code(),
    });
    expect(await sessionsOf(target.id)).toHaveLength(1);
    const reset = defineAction(resetTwoFactorDefinition, as(actor));

    const noReason = await reset({ userId: target.id, reason: " " });
    expect(noReason).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { reason: [expect.any(String)] },
    });
    expect((await userRow(target.id)).twoFactorEnabled).toBe(true);

    expect(await reset({ userId: target.id, reason: "Lost phone, ticket 991" })).toMatchObject({ ok: true });
    expect((await userRow(target.id)).twoFactorEnabled).toBe(false);
    expect(await getDb().select().from(twoFactors).where(eq(twoFactors.userId, target.id))).toHaveLength(0);
    expect(await sessionsOf(target.id)).toHaveLength(0);
    const rows = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "user.two_factor_reset"), eq(auditLogs.resourceId, target.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      userId: actor.userId,
      metadata: { reason: "Lost phone, ticket 991", sessionsEnded: 1 },
    });
    // Signing in now takes the password alone (a referrer need not enrol again).
    const again = await server.post("/sign-in/email", { email: target.email, password: target.password });
    expect(await again.json()).not.toHaveProperty("twoFactorRedirect");
  });

  it("an admin cannot reset their own, and a non-admin cannot reset anyone's", async () => {
    const { actor } = await enrolledAdmin();
    const own = await defineAction(
      resetTwoFactorDefinition,
      as(actor),
    )({ userId: actor.userId, reason: "Lost my phone" });
    expect(own).toMatchObject({ ok: false, code: "forbidden" });
    expect((await userRow(actor.userId)).twoFactorEnabled).toBe(true);

    const referrer = await createUserWithPassword("user");
    const referrerActor = (await standingOf(getDb(), (await sessionOf(await signInByPassword(referrer)))!))!
      .actor;
    const other = await defineAction(
      resetTwoFactorDefinition,
      as(referrerActor),
    )({ userId: actor.userId, reason: "Because" });
    expect(other).toMatchObject({ ok: false, code: "not_found" });
    expect((await userRow(actor.userId)).twoFactorEnabled).toBe(true);
  });

  it("a user turns their own off only with a backup code, which is then spent", async () => {
    const { admin, enrolment, jar, actor } = await enrolledAdmin();
    const disable = defineAction(
      disableOwnTwoFactorDefinition({ authHeaders: async () => new Headers({ cookie: jar.header() }) }),
      as(actor),
    );
    const wrong = await disable({ backupCode: "not-a-code" });
    expect(wrong).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { backupCode: [expect.any(String)] },
    });
    expect((await userRow(admin.id)).twoFactorEnabled).toBe(true);

    expect(await disable({ backupCode: enrolment.backupCodes[0]! })).toMatchObject({ ok: true });
    expect((await userRow(admin.id)).twoFactorEnabled).toBe(false);
    expect(await getDb().select().from(twoFactors).where(eq(twoFactors.userId, admin.id))).toHaveLength(0);
    expect(await actionsFor(admin.id)).toEqual(
      expect.arrayContaining(["auth.two_factor_backup_code_used", "auth.two_factor_disabled"]),
    );
    // An admin must use two-factor: from now on they are held on the enrolment screen.
    expect((await standingOf(getDb(), (await sessionOf(jar))!))?.mustEnrolTwoFactor).toBe(true);
  });
});

describe("impersonation needs a session that passed the second step", () => {
  it("refuses a session the admin opened by password before enrolling, allows one signed in with the code", async () => {
    const admin = await createUserWithPassword("admin");
    const target = await createUserWithPassword("user");
    const beforeEnrolment = await signInByPassword(admin);
    const enrolment = await enrolForTest(admin.id);
    // Enrolled now, so that old session is no longer held on the enrolment screen — but it never passed a code.
    const oldStanding = await standingOf(getDb(), (await sessionOf(beforeEnrolment))!);
    expect(oldStanding).toMatchObject({ mustEnrolTwoFactor: false, actor: { secondFactorVerified: false } });

    const opened: string[] = [];
    const impersonateAs = (actor: Actor) =>
      defineAction(
        startImpersonationDefinition(async (userId) => void opened.push(userId)),
        as(actor),
      );
    const refused = await impersonateAs(oldStanding!.actor)({ userId: target.id, reason: "Ticket 12" });
    expect(refused).toMatchObject({
      ok: false,
      code: "forbidden",
      error: expect.stringMatching(/two-factor/),
    });
    expect(opened).toEqual([]);
    expect(await auditRowsFor("user", target.id)).toHaveLength(0);

    const { jar } = await signInWithSecondStep(server, admin, {
      path: "/two-factor/verify-totp",
      code: totpCodeFor(enrolment.secret),
    });
    const verified = (await standingOf(getDb(), (await sessionOf(jar))!))!.actor;
    expect(await impersonateAs(verified)({ userId: target.id, reason: "Ticket 12" })).toMatchObject({
      ok: true,
    });
    expect(opened).toEqual([target.id]);
  });
});
