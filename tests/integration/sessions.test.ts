/**
 * Sessions people can see and end (issue 17): the list shows the account's own unexpired
 * sessions with the device read from the user agent, an admin's impersonation named; a person
 * signs out one other session or all others, and a signed-out session no longer resolves (the
 * portal's pages ask exactly this); changing the password ends all others; admins list and end
 * any user's; nobody else can end a session that is not theirs — "not found". Each audited.
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs, sessions } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { getAuth } from "@/lib/auth/auth";
import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address-header";
import { resolveRequestSession } from "@/lib/auth/read-session";
import type { Actor } from "@/lib/authz/actor";
import { loadActor } from "@/lib/authz/load-actor";
import { newId } from "@/lib/ids";
import {
  adminEndAllSessionsDefinition,
  adminEndSessionDefinition,
} from "@/lib/sessions/admin-session-definitions";
import { LAST_SEEN_MINUTES, recordSessionSeen } from "@/lib/sessions/last-seen";
import { listActiveSessions } from "@/lib/sessions/list-sessions";
import { WRONG_PASSWORD_LIMIT } from "@/lib/sessions/password-attempts";
import {
  changePasswordDefinition,
  endOtherOwnSessionsDefinition,
  endOwnSessionDefinition,
} from "@/lib/sessions/session-definitions";
import type { SessionRequest } from "@/lib/sessions/session-request";
import { as, createSignedInAdmin } from "../support/admin-session";
import { createUserWithPassword } from "../support/auth-http";

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:140.0) Gecko/20100101 Firefox/140.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";
const CHROME_LINUX =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

interface SignedIn {
  sessionId: string;
  cookie: string;
}

/** A real sign-in from a browser and address, as better-auth records it. */
async function signIn(
  user: { email: string; password: string },
  userAgent: string,
  ip: string,
): Promise<SignedIn> {
  const { headers, response } = await getAuth().api.signInEmail({
    body: { email: user.email, password: user.password },
    headers: new Headers({ "user-agent": userAgent, [CLIENT_ADDRESS_HEADER]: ip }),
    returnHeaders: true,
  });
  const [row] = await getDb().select().from(sessions).where(eq(sessions.token, response.token));
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { sessionId: row!.id, cookie };
}

/** Whether a browser holding this cookie is still signed in — what every portal page asks first. */
const stillSignedIn = async ({ cookie }: SignedIn) =>
  Boolean(await resolveRequestSession(getDb(), new Headers({ cookie })));

/** The request as the portal's actions see it: coming with this session. */
const comingWith = (session: SignedIn): SessionRequest => ({
  currentSessionId: () => Promise.resolve(session.sessionId),
  authHeaders: () => Promise.resolve(new Headers({ cookie: session.cookie })),
});

async function person() {
  const user = await createUserWithPassword("user");
  const actor = (await loadActor(getDb(), user.id, null))!;
  return { ...user, actor };
}

let admin: Actor;
beforeAll(async () => {
  ({ actor: admin } = await createSignedInAdmin());
});

const auditOf = (action: string, resourceId: string) =>
  getDb()
    .select()
    .from(auditLogs)
    .where(and(eq(auditLogs.action, action), eq(auditLogs.resourceId, resourceId)));

describe("the sessions list", () => {
  it("shows the account's own unexpired sessions with device, address and an admin's impersonation named", async () => {
    const me = await person();
    const someoneElse = await person();
    const laptop = await signIn(me, FIREFOX_WINDOWS, "203.0.113.10");
    const phone = await signIn(me, SAFARI_IPHONE, "203.0.113.11");
    await signIn(someoneElse, CHROME_LINUX, "203.0.113.12");
    const expired = await signIn(me, CHROME_LINUX, "203.0.113.13");
    await getDb()
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, expired.sessionId));
    // An admin impersonating this account: it is this account being used, so it is listed.
    const impersonationId = newId();
    await getDb()
      .insert(sessions)
      .values({
        id: impersonationId,
        token: randomBytes(16).toString("hex"),
        userId: me.id,
        expiresAt: new Date(Date.now() + 3_600_000),
        impersonatedBy: admin.userId,
        userAgent: CHROME_LINUX,
        ipAddress: "198.51.100.7",
      });

    const listed = await listActiveSessions(getDb(), me.id);
    expect(listed.map((s) => s.id).sort()).toEqual(
      [laptop.sessionId, phone.sessionId, impersonationId].sort(),
    );
    const byId = new Map(listed.map((s) => [s.id, s]));
    expect(byId.get(laptop.sessionId)).toMatchObject({
      device: "Firefox 140 on Windows",
      ipAddress: "203.0.113.10",
      impersonatedBy: null,
    });
    expect(byId.get(phone.sessionId)).toMatchObject({
      device: "Safari 18 on iOS",
      ipAddress: "203.0.113.11",
    });
    expect(byId.get(impersonationId)).toMatchObject({
      device: "Chrome 156 on Linux",
      impersonatedBy: { id: admin.userId, name: admin.name },
    });
    expect(listed.every((s) => !("token" in s))).toBe(true);
  });

  it(`moves "last seen" when the session is used, at most once per ${LAST_SEEN_MINUTES} minutes`, async () => {
    const me = await person();
    const laptop = await signIn(me, FIREFOX_WINDOWS, "203.0.113.20");
    const lastSeen = async () =>
      (await getDb().select().from(sessions).where(eq(sessions.id, laptop.sessionId)))[0]!.updatedAt;
    const signedInAt = await lastSeen();

    const soon = new Date(signedInAt.getTime() + 60_000);
    await recordSessionSeen(getDb(), { id: laptop.sessionId, updatedAt: signedInAt }, soon);
    expect(await lastSeen()).toEqual(signedInAt);

    const later = new Date(signedInAt.getTime() + (LAST_SEEN_MINUTES + 1) * 60_000);
    await recordSessionSeen(getDb(), { id: laptop.sessionId, updatedAt: signedInAt }, later);
    expect(await lastSeen()).toEqual(later);
    // A request that read the old value a moment ago writes nothing over the newer one.
    await recordSessionSeen(getDb(), { id: laptop.sessionId, updatedAt: signedInAt }, soon);
    expect(await lastSeen()).toEqual(later);
  });
});

describe("a person ending their own sessions", () => {
  it("signs out one other session: it can no longer load a page; the one in use stays; audited", async () => {
    const me = await person();
    const laptop = await signIn(me, FIREFOX_WINDOWS, "203.0.113.30");
    const phone = await signIn(me, SAFARI_IPHONE, "203.0.113.31");
    const end = defineAction(endOwnSessionDefinition(comingWith(laptop)), as(me.actor));

    expect(await end({ sessionId: phone.sessionId })).toMatchObject({ ok: true });
    expect(await stillSignedIn(phone)).toBe(false);
    expect(await stillSignedIn(laptop)).toBe(true);
    const [row] = await auditOf("session.ended", phone.sessionId);
    expect(row).toMatchObject({
      action: "session.ended",
      userId: me.id,
      metadata: { userId: me.id, device: "Safari 18 on iOS", endedBy: "self", impersonatedBy: null },
    });

    // The session in use is ended with Sign out, not from the list.
    expect(await end({ sessionId: laptop.sessionId })).toMatchObject({ ok: false, code: "conflict" });
    expect(await stillSignedIn(laptop)).toBe(true);
  });

  it("signs out all others at once, an impersonation of the account included; audited with the count", async () => {
    const me = await person();
    const laptop = await signIn(me, FIREFOX_WINDOWS, "203.0.113.40");
    const phone = await signIn(me, SAFARI_IPHONE, "203.0.113.41");
    const desktop = await signIn(me, CHROME_LINUX, "203.0.113.42");
    await getDb()
      .insert(sessions)
      .values({
        id: newId(),
        token: randomBytes(16).toString("hex"),
        userId: me.id,
        expiresAt: new Date(Date.now() + 3_600_000),
        impersonatedBy: admin.userId,
      });
    const result = await defineAction(endOtherOwnSessionsDefinition(comingWith(laptop)), as(me.actor))({});
    expect(result).toMatchObject({ ok: true, data: { sessionsEnded: 3 } });
    expect(await stillSignedIn(phone)).toBe(false);
    expect(await stillSignedIn(desktop)).toBe(false);
    expect(await stillSignedIn(laptop)).toBe(true);
    expect((await listActiveSessions(getDb(), me.id)).map((s) => s.id)).toEqual([laptop.sessionId]);
    const [row] = await auditOf("session.others_ended", me.id);
    expect(row?.metadata).toEqual({ sessionsEnded: 3, impersonationsEnded: [admin.userId] });
  });

  it("cannot end another user's session: not found, and it keeps working", async () => {
    const referrer = await person();
    const victim = await person();
    const referrerSession = await signIn(referrer, FIREFOX_WINDOWS, "203.0.113.50");
    const victimSession = await signIn(victim, SAFARI_IPHONE, "203.0.113.51");
    const asReferrer = as(referrer.actor);

    const one = await defineAction(
      endOwnSessionDefinition(comingWith(referrerSession)),
      asReferrer,
    )({
      sessionId: victimSession.sessionId,
    });
    expect(one).toMatchObject({ ok: false, code: "not_found" });
    // Nor through the admin console's actions.
    const adminOne = await defineAction(
      adminEndSessionDefinition,
      asReferrer,
    )({
      userId: victim.id,
      sessionId: victimSession.sessionId,
    });
    expect(adminOne).toMatchObject({ ok: false, code: "not_found" });
    const adminAll = await defineAction(adminEndAllSessionsDefinition, asReferrer)({ userId: victim.id });
    expect(adminAll).toMatchObject({ ok: false, code: "not_found" });

    expect(await stillSignedIn(victimSession)).toBe(true);
    expect(await auditOf("session.ended", victimSession.sessionId)).toEqual([]);
  });

  it("an admin impersonating sees the list but ends nothing and changes no password", async () => {
    const me = await person();
    const laptop = await signIn(me, FIREFOX_WINDOWS, "203.0.113.60");
    const phone = await signIn(me, SAFARI_IPHONE, "203.0.113.61");
    const impersonated: Actor = { ...me.actor, impersonatorId: admin.userId };
    const end = await defineAction(
      endOwnSessionDefinition(comingWith(laptop)),
      as(impersonated),
    )({
      sessionId: phone.sessionId,
    });
    expect(end).toMatchObject({ ok: false, code: "not_found" });
    const change = await defineAction(
      changePasswordDefinition(comingWith(laptop)),
      as(impersonated),
    )({
      currentPassword: me.password,
      newPassword: "an-admin-chose-this-1",
      confirmPassword: "an-admin-chose-this-1",
    });
    expect(change).toMatchObject({ ok: false, code: "not_found" });
    expect(await stillSignedIn(phone)).toBe(true);
  });
});

describe("changing the password", () => {
  it("needs the current password, keeps the session in use and ends all others; audited", async () => {
    const me = await person();
    const laptop = await signIn(me, FIREFOX_WINDOWS, "203.0.113.70");
    const phone = await signIn(me, SAFARI_IPHONE, "203.0.113.71");
    const change = defineAction(changePasswordDefinition(comingWith(laptop)), as(me.actor));
    const newPassword = `walnut ${randomBytes(3).toString("hex")} lantern`;

    const wrong = await change({
      currentPassword: "not-my-password-1",
      newPassword,
      confirmPassword: newPassword,
    });
    expect(wrong).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { currentPassword: ["The current password is not right"] },
    });
    const common = await change({
      currentPassword: me.password,
      newPassword: "Password1234",
      confirmPassword: "Password1234",
    });
    expect(common).toMatchObject({
      ok: false,
      fieldErrors: { newPassword: [expect.stringContaining("most common")] },
    });
    const short = await change({
      currentPassword: me.password,
      newPassword: "k7#mQ2vL9xR",
      confirmPassword: "k7#mQ2vL9xR",
    });
    expect(short).toMatchObject({ ok: false, fieldErrors: { newPassword: ["Use at least 12 characters"] } });
    const mismatch = await change({
      currentPassword: me.password,
      newPassword,
      confirmPassword: `${newPassword}!`,
    });
    expect(mismatch).toMatchObject({
      ok: false,
      fieldErrors: { confirmPassword: [expect.stringContaining("differ")] },
    });
    // Nothing so far changed anything.
    expect(await stillSignedIn(phone)).toBe(true);

    expect(
      await change({ currentPassword: me.password, newPassword, confirmPassword: newPassword }),
    ).toMatchObject({
      ok: true,
      data: { sessionsEnded: 1 },
    });
    expect(await stillSignedIn(phone)).toBe(false);
    expect(await stillSignedIn(laptop)).toBe(true);
    await expect(signIn(me, FIREFOX_WINDOWS, "203.0.113.72")).rejects.toThrow();
    await expect(
      signIn({ email: me.email, password: newPassword }, FIREFOX_WINDOWS, "203.0.113.72"),
    ).resolves.toMatchObject({
      sessionId: expect.any(String),
    });
    const [row] = await auditOf("auth.password_changed", me.id);
    expect(row).toMatchObject({ userId: me.id, metadata: { sessionsEnded: 1, impersonationsEnded: [] } });
    expect(JSON.stringify(row)).not.toContain(newPassword);
  });

  it(`stops guessing after ${WRONG_PASSWORD_LIMIT.max} wrong current passwords, even with the right one`, async () => {
    const me = await person();
    const laptop = await signIn(me, FIREFOX_WINDOWS, "203.0.113.80");
    const change = defineAction(changePasswordDefinition(comingWith(laptop)), as(me.actor));
    const newPassword = `copper ${randomBytes(3).toString("hex")} kettle`;
    for (let attempt = 0; attempt < WRONG_PASSWORD_LIMIT.max; attempt++) {
      expect(
        await change({
          currentPassword: `guess-number-${attempt}`,
          newPassword,
          confirmPassword: newPassword,
        }),
      ).toMatchObject({ ok: false, code: "invalid_input" });
    }
    expect(
      await change({ currentPassword: me.password, newPassword, confirmPassword: newPassword }),
    ).toMatchObject({
      ok: false,
      code: "rate_limited",
    });
    await expect(signIn(me, FIREFOX_WINDOWS, "203.0.113.81")).resolves.toMatchObject({
      sessionId: expect.any(String),
    });
  });
});

describe("admins and a user's sessions", () => {
  it("end one session, then all, impersonations recorded; audited as the admin", async () => {
    const user = await person();
    const laptop = await signIn(user, FIREFOX_WINDOWS, "203.0.113.90");
    const phone = await signIn(user, SAFARI_IPHONE, "203.0.113.91");
    const impersonationId = newId();
    await getDb()
      .insert(sessions)
      .values({
        id: impersonationId,
        token: randomBytes(16).toString("hex"),
        userId: user.id,
        expiresAt: new Date(Date.now() + 3_600_000),
        impersonatedBy: admin.userId,
      });

    // A session id of another user is "not found" under this user.
    const other = await person();
    const otherSession = await signIn(other, CHROME_LINUX, "203.0.113.92");
    expect(
      await defineAction(
        adminEndSessionDefinition,
        as(admin),
      )({ userId: user.id, sessionId: otherSession.sessionId }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(await stillSignedIn(otherSession)).toBe(true);

    expect(
      await defineAction(
        adminEndSessionDefinition,
        as(admin),
      )({ userId: user.id, sessionId: impersonationId }),
    ).toMatchObject({ ok: true });
    const [endedOne] = await auditOf("session.ended", impersonationId);
    expect(endedOne).toMatchObject({
      action: "session.ended",
      userId: admin.userId,
      metadata: { userId: user.id, endedBy: "admin", impersonatedBy: admin.userId },
    });
    expect((await listActiveSessions(getDb(), user.id)).map((s) => s.id).sort()).toEqual(
      [laptop.sessionId, phone.sessionId].sort(),
    );

    expect(await defineAction(adminEndAllSessionsDefinition, as(admin))({ userId: user.id })).toMatchObject({
      ok: true,
      data: { sessionsEnded: 2 },
    });
    expect(await stillSignedIn(laptop)).toBe(false);
    expect(await stillSignedIn(phone)).toBe(false);
    expect(await listActiveSessions(getDb(), user.id)).toEqual([]);
    const [endedAll] = await auditOf("user.sessions_revoked", user.id);
    expect(endedAll).toMatchObject({
      userId: admin.userId,
      metadata: { sessionsRevoked: 2, impersonationsEnded: [] },
    });
  });

  it("not on the admin's own account from the console (their security page keeps the one in use)", async () => {
    const result = await defineAction(adminEndAllSessionsDefinition, as(admin))({ userId: admin.userId });
    expect(result).toMatchObject({ ok: false, code: "forbidden" });
  });
});
