/**
 * A page's session is read in one statement with its actor (lib/auth/read-session.ts) — and says
 * exactly what better-auth's getSession says: the same session and user for a live cookie, nobody
 * for a forged, ended or expired one; and a session due for its daily refresh is handed to
 * better-auth, which refreshes it, while a "don't remember me" one (an impersonation's kind) never is.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { sessions } from "@/db/schema";
import { getAuth } from "@/lib/auth/auth";
import { readSessionWithActor, resolveRequestSession } from "@/lib/auth/read-session";
import { loadActorWithStanding } from "@/lib/authz/load-actor";
import { createUserWithPassword } from "../support/auth-http";

const DAY = 86_400_000;

async function signIn(rememberMe = true) {
  const user = await createUserWithPassword("user");
  const { headers, response } = await getAuth().api.signInEmail({
    body: { email: user.email, password: user.password, rememberMe },
    returnHeaders: true,
  });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return { user, cookie, token: response.token };
}

const withCookie = (cookie: string) => new Headers({ cookie });
const betterAuthSays = (cookie: string) =>
  getAuth().api.getSession({ headers: withCookie(cookie), query: { disableCookieCache: true } });
const readOf = (cookie: string) => readSessionWithActor(getDb(), withCookie(cookie));
const expiresAtOf = async (token: string) =>
  (await getDb().select().from(sessions).where(eq(sessions.token, token)))[0]?.expiresAt;
const setExpiresAt = (token: string, at: Date) =>
  getDb().update(sessions).set({ expiresAt: at }).where(eq(sessions.token, token));

describe("reading a page's session in one statement", () => {
  it("finds the session, user and actor better-auth finds for a live cookie", async () => {
    const { user, cookie } = await signIn();
    const read = await readOf(cookie);
    const expected = (await betterAuthSays(cookie))!;
    expect(read.kind).toBe("session");
    if (read.kind !== "session") return;
    expect(read.session.session).toEqual({
      id: expected.session.id,
      userId: user.id,
      expiresAt: expected.session.expiresAt,
      updatedAt: expected.session.updatedAt,
      impersonatedBy: null,
      twoFactorVerifiedAt: null,
    });
    expect(read.session.user).toEqual({
      id: user.id,
      name: expected.user.name,
      email: user.email,
      twoFactorEnabled: false,
    });
    expect(read.loaded).toEqual(await loadActorWithStanding(getDb(), user.id, null));
  });

  it("signs nobody in for no cookie, another cookie, or a token whose signature does not hold", async () => {
    const { cookie } = await signIn();
    const [name, value] = cookie
      .split("; ")
      .find((c) => c.includes("session_token"))!
      .split("=");
    const signed = decodeURIComponent(value!);
    const dot = signed.lastIndexOf(".");
    // Another token under the real signature, and the real token under a signature of its own.
    // (Its first character changed — to one it is not: a token starting with "x" stayed itself.)
    const other = signed.startsWith("x") ? "y" : "x";
    const forgedToken = `${name}=${encodeURIComponent(`${other}${signed.slice(1, dot)}${signed.slice(dot)}`)}`;
    const forgedSignature = `${name}=${encodeURIComponent(`${signed.slice(0, dot)}.${"A".repeat(43)}=`)}`;
    for (const forged of [forgedToken, forgedSignature]) {
      expect(await readOf(forged)).toEqual({ kind: "signed-out" });
      expect(await betterAuthSays(forged)).toBeNull();
    }
    expect(await readSessionWithActor(getDb(), new Headers())).toEqual({ kind: "signed-out" });
    expect(await readOf("theme=dark")).toEqual({ kind: "signed-out" });
  });

  it("leaves an ended or expired session to better-auth, which signs nobody in", async () => {
    const ended = await signIn();
    await getDb().delete(sessions).where(eq(sessions.token, ended.token));
    expect(await readOf(ended.cookie)).toEqual({ kind: "ask-better-auth" });
    expect(await resolveRequestSession(getDb(), withCookie(ended.cookie))).toBeNull();

    const expired = await signIn();
    await setExpiresAt(expired.token, new Date(Date.now() - 1_000));
    expect(await readOf(expired.cookie)).toEqual({ kind: "ask-better-auth" });
    expect(await resolveRequestSession(getDb(), withCookie(expired.cookie))).toBeNull();
  });

  it("hands a session due for its daily refresh to better-auth, which moves its expiry on", async () => {
    const { user, cookie, token } = await signIn();
    // Signed in a day and a minute ago: 7 days' life (better-auth's default) less 1 day 1 minute.
    await setExpiresAt(token, new Date(Date.now() + 6 * DAY - 60_000));
    expect(await readOf(cookie)).toEqual({ kind: "ask-better-auth" });

    const resolved = await resolveRequestSession(getDb(), withCookie(cookie));
    expect(resolved?.session.user.id).toBe(user.id);
    expect(resolved?.standing?.actor.userId).toBe(user.id);
    expect((await expiresAtOf(token))!.getTime()).toBeGreaterThan(Date.now() + 7 * DAY - 60_000);
    // Refreshed, it is the common case again.
    expect((await readOf(cookie)).kind).toBe("session");
  });

  it("answers a don't-remember-me session itself, however old: better-auth never refreshes one", async () => {
    const { cookie, token } = await signIn(false);
    expect(cookie).toContain("dont_remember");
    const old = new Date(Date.now() + 6 * DAY - 60_000);
    await setExpiresAt(token, old);
    expect((await readOf(cookie)).kind).toBe("session");
    expect(await expiresAtOf(token)).toEqual(old);
    // Without its signed marker, the session is an ordinary one due for its refresh.
    const unsigned = cookie.replace(/(dont_remember=)[^;]+/, "$1true");
    expect(await readOf(unsigned)).toEqual({ kind: "ask-better-auth" });
  });
});
