/**
 * The password rule of issue 17 — at least 12 characters and not one of the most common
 * passwords (case-insensitive) — on every path that sets a password: the admin console's new
 * user and set password, an invitation's new account, the reset link over HTTP, the user's own
 * change, and better-auth itself (whatever calls it). Each refusal says what to fix beside the
 * field, and nothing was saved.
 */
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { APIError } from "better-auth/api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { outboxEmails, users } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import type { AdminRequest } from "@/lib/admin/better-auth";
import { getAuth } from "@/lib/auth/auth";
import { isCommonPassword } from "@/lib/auth/common-passwords";
import type { Actor } from "@/lib/authz/actor";
import {
  acceptInvitation,
  acceptInvitationSchema,
  viewInvitation,
} from "@/lib/organizations/accept-invitation";
import { inviteMemberDefinition } from "@/lib/organizations/invitation-definitions";
import { setUserPasswordDefinition } from "@/lib/users/account-actions";
import { createUserDefinition } from "@/lib/users/create-user";
import { as, createSignedInAdmin } from "../support/admin-session";
import {
  cookieFrom,
  createUserWithPassword,
  randomLoopbackAddress,
  serveAuthRoute,
  type AuthServer,
} from "../support/auth-http";
import type { IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";

/** 11 characters: one short of the rule. */
const ELEVEN = "k7#mQ2vL9xR";
/** On zxcvbn's common list as "password1234"; the check ignores case. */
const COMMON = "Password1234";
const TOO_SHORT = "Use at least 12 characters";
const COMMON_MESSAGE = "This password is on the list of the most common passwords";

let admin: Actor;
let adminRequest: AdminRequest;
let id: IdOf;
let server: AuthServer;
beforeAll(async () => {
  ({ actor: admin, request: adminRequest } = await createSignedInAdmin());
  ({ id } = await insertAuthzWorld());
  server = await serveAuthRoute();
});
afterAll(() => server?.close());

const tag = () => randomBytes(4).toString("hex");
const userByEmail = (email: string) => getDb().select().from(users).where(eq(users.email, email));

describe("the common-password list", () => {
  it("knows common passwords whatever their case, and not the demo password", async () => {
    expect(await isCommonPassword("password1234")).toBe(true);
    expect(await isCommonPassword("PASSWORD1234")).toBe(true);
    expect(await isCommonPassword("1q2w3e4r5t6y")).toBe(true);
    expect(await isCommonPassword("demo-password")).toBe(false);
  });
});

describe("admin console: new user", () => {
  const create = defineAction(createUserDefinition, () => as(admin)());
  it.each([
    [ELEVEN, TOO_SHORT],
    [COMMON, COMMON_MESSAGE],
  ])("refuses %s beside the password field and creates nobody", async (password, message) => {
    const email = `policy-${tag()}@policy.test`;
    const result = await create({ name: "Polly Policy", email, role: "user", password });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe("invalid_input");
    expect(result.fieldErrors.password?.join(" ")).toContain(message);
    expect(await userByEmail(email)).toEqual([]);
  });

  it("accepts a 12-character uncommon password", async () => {
    const result = await create({
      name: "Polly Policy",
      email: `policy-${tag()}@policy.test`,
      role: "user",
      password: "k7#mQ2vL9xR!",
    });
    expect(result.ok).toBe(true);
  });
});

describe("admin console: set a user's password", () => {
  it.each([
    [ELEVEN, TOO_SHORT],
    [COMMON, COMMON_MESSAGE],
  ])("refuses %s beside the field; the old password still works", async (newPassword, message) => {
    const user = await createUserWithPassword("user");
    const result = await defineAction(
      setUserPasswordDefinition(adminRequest),
      as(admin),
    )({
      userId: user.id,
      newPassword,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.newPassword?.join(" ")).toContain(message);
    await expect(
      getAuth().api.signInEmail({ body: { email: user.email, password: user.password } }),
    ).resolves.toMatchObject({ user: { id: user.id } });
  });
});

describe("invitation: the new account's password", () => {
  async function invite(email: string) {
    const result = await defineAction(
      inviteMemberDefinition,
      as(admin),
    )({
      organizationId: id("A"),
      email,
      role: "member",
    });
    if (!result.ok) throw new Error(result.error);
    return result.data.invitationId;
  }

  it("refuses 11 characters in the form's schema, beside the field", () => {
    const parsed = acceptInvitationSchema.safeParse({
      invitationId: "any",
      name: "Ivy",
      password: ELEVEN,
      confirmPassword: ELEVEN,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.find((issue) => issue.path[0] === "password")?.message).toBe(TOO_SHORT);
  });

  it("refuses a common password beside the field, and the link still works", async () => {
    const email = `invitee-${tag()}@policy.test`;
    const invitationId = await invite(email);
    const refused = acceptInvitation(
      invitationId,
      { kind: "new", name: "Ivy Invitee", password: COMMON },
      { ipAddress: "203.0.113.9", userAgent: "vitest" },
    );
    await expect(refused).rejects.toMatchObject({
      code: "invalid_input",
      fieldErrors: { password: [expect.stringContaining(COMMON_MESSAGE)] },
    });
    expect(await viewInvitation(getDb(), invitationId)).toMatchObject({
      state: "pending",
      hasAccount: false,
    });
    expect(await userByEmail(email)).toEqual([]);
  });
});

describe("reset link over HTTP", () => {
  async function resetToken(email: string, socketAddress: string) {
    await server.post("/request-password-reset", { email }, { socketAddress });
    for (let attempt = 0; attempt < 200; attempt++) {
      const [row] = await getDb()
        .select()
        .from(outboxEmails)
        .where(and(eq(outboxEmails.toAddress, email), eq(outboxEmails.kind, "password_reset")));
      if (row) return new URL((row.payload as { url: string }).url).searchParams.get("token")!;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error("no reset e-mail");
  }

  it("refuses 11 characters and a common password with codes the form shows beside the field; the link still works and then ends every session", async () => {
    const user = await createUserWithPassword("user");
    const socketAddress = randomLoopbackAddress();
    // Two browsers signed in before the reset.
    const before = await Promise.all(
      [1, 2].map(async () =>
        cookieFrom(
          await server.post(
            "/sign-in/email",
            { email: user.email, password: user.password },
            { socketAddress },
          ),
        ),
      ),
    );
    const signedIn = (cookie: string) =>
      getAuth().api.getSession({ headers: new Headers({ cookie }), query: { disableCookieCache: true } });
    expect(await signedIn(before[0]!)).not.toBeNull();
    const token = await resetToken(user.email, socketAddress);

    const short = await server.post("/reset-password", { newPassword: ELEVEN, token }, { socketAddress });
    expect(short.status).toBe(400);
    expect(await short.json()).toMatchObject({ code: "PASSWORD_TOO_SHORT" });

    const common = await server.post("/reset-password", { newPassword: COMMON, token }, { socketAddress });
    expect(common.status).toBe(400);
    expect(await common.json()).toMatchObject({
      code: "PASSWORD_TOO_COMMON",
      message: expect.stringContaining(COMMON_MESSAGE),
    });

    // Neither refusal spent the link, nor ended a session.
    expect(await signedIn(before[1]!)).not.toBeNull();
    const good = await server.post(
      "/reset-password",
      { newPassword: `fresh-${tag()}-pass`, token },
      { socketAddress },
    );
    expect(good.status).toBe(200);
    // The reset ended every session: neither browser can load a page any more.
    for (const cookie of before) expect(await signedIn(cookie)).toBeNull();
  });
});

describe("better-auth itself", () => {
  it("refuses a common password on its password-setting endpoints, whoever calls them", async () => {
    const email = `direct-${tag()}@policy.test`;
    const refused = getAuth().api.createUser({
      body: { email, name: "Direct", password: COMMON, role: "user" },
    });
    await expect(refused).rejects.toBeInstanceOf(APIError);
    await expect(refused).rejects.toMatchObject({ body: { code: "PASSWORD_TOO_COMMON" } });
    await expect(
      getAuth().api.createUser({ body: { email, name: "Direct", password: ELEVEN, role: "user" } }),
    ).rejects.toMatchObject({ body: { code: "PASSWORD_TOO_SHORT" } });
    expect(await userByEmail(email)).toEqual([]);
  });

  it("still answers a sign-in with a common password as any wrong password (the rule tells nothing there)", async () => {
    const response = await server.post(
      "/sign-in/email",
      { email: `nobody-${tag()}@policy.test`, password: COMMON },
      { socketAddress: randomLoopbackAddress() },
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "INVALID_EMAIL_OR_PASSWORD" });
  });
});
