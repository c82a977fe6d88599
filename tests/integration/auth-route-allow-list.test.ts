/**
 * /api/auth serves the browser only what it needs (sign in, sign out). Admin, organization, team
 * and sign-up endpoints answer 404 over HTTP — even to a signed-in platform admin or organization
 * owner who may do these things in the portal — and change nothing, so every such change goes
 * through a server action with its policy check and audit row.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import { cookieFrom, createUserWithPassword, serveAuthRoute, type AuthServer } from "../support/auth-http";

let server: AuthServer;
let admin: { id: string; cookie: string };
let owner: { id: string; cookie: string };
let target: { id: string; email: string };
let organizationId: string;
let targetMemberId: string;

async function signIn(user: { email: string; password: string }, forwardedFor: string) {
  const response = await server.post(
    "/sign-in/email",
    { email: user.email, password: user.password },
    { forwardedFor },
  );
  expect(response.status).toBe(200);
  return cookieFrom(response);
}

beforeAll(async () => {
  server = await serveAuthRoute();
  const [adminUser, ownerUser, targetUser] = await Promise.all([
    createUserWithPassword("admin"),
    createUserWithPassword("user"),
    createUserWithPassword("user"),
  ]);
  const tag = randomBytes(4).toString("hex");
  organizationId = `org-${tag}`;
  await getDb()
    .insert(t.organizations)
    .values({ id: organizationId, name: `Insurer ${tag}`, slug: `insurer-${tag}`, createdAt: new Date() });
  await getDb()
    .insert(t.members)
    .values({ organizationId, userId: ownerUser.id, role: "owner", createdAt: new Date() });
  const [member] = await getDb()
    .insert(t.members)
    .values({ organizationId, userId: targetUser.id, role: "member", createdAt: new Date() })
    .returning();
  targetMemberId = member!.id;
  admin = { id: adminUser.id, cookie: await signIn(adminUser, "192.0.2.10") };
  owner = { id: ownerUser.id, cookie: await signIn(ownerUser, "192.0.2.11") };
  target = targetUser;
});
afterAll(() => server?.close());

describe("/api/auth over HTTP", () => {
  it("signs a user in: the cookie opens a session that sign-out then ends", async () => {
    const user = await createUserWithPassword("user");
    const response = await server.post(
      "/sign-in/email",
      { email: user.email, password: user.password },
      { forwardedFor: "192.0.2.12" },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { id: user.id, email: user.email } });
    const cookie = cookieFrom(response);
    expect(cookie).toMatch(/session_token=/);
    expect(await getDb().select().from(t.sessions).where(eq(t.sessions.userId, user.id))).toHaveLength(1);

    expect((await server.post("/sign-out", {}, { cookie, forwardedFor: "192.0.2.12" })).status).toBe(200);
    expect(await getDb().select().from(t.sessions).where(eq(t.sessions.userId, user.id))).toHaveLength(0);
  });

  it("refuses a wrong password", async () => {
    const user = await createUserWithPassword("user");
    const response = await server.post(
      "/sign-in/email",
      { email: user.email, password: "not-the-password" },
      { forwardedFor: "192.0.2.13" },
    );
    expect(response.status).toBe(401);
    expect(cookieFrom(response)).toBe("");
  });

  it("has no public sign-up: 404 and no account", async () => {
    const email = `walk-in-${randomBytes(3).toString("hex")}@auth-route.test`;
    const response = await server.post(
      "/sign-up/email",
      { email, password: "walk-in-password-1", name: "Walk In" },
      { forwardedFor: "192.0.2.14" },
    );
    expect(response.status).toBe(404);
    expect(await getDb().select().from(t.users).where(eq(t.users.email, email))).toHaveLength(0);
  });

  it("answers a signed-in platform admin's direct admin calls with 404 and changes nothing", async () => {
    const as = { cookie: admin.cookie, forwardedFor: "192.0.2.10" };
    const calls = [
      ["/admin/impersonate-user", { userId: target.id }],
      ["/admin/ban-user", { userId: target.id, banReason: "no reason given" }],
      ["/admin/set-role", { userId: target.id, role: "admin" }],
      ["/admin/set-user-password", { userId: target.id, newPassword: "taken-over-password" }],
    ] as const;
    for (const [path, body] of calls)
      expect
        .soft({ path, status: (await server.post(path, body, as)).status })
        .toEqual({ path, status: 404 });
    expect((await server.get(`/admin/list-users?searchValue=${target.email}`, as)).status).toBe(404);

    const [user] = await getDb().select().from(t.users).where(eq(t.users.id, target.id));
    expect(user).toMatchObject({ role: "user", banned: false });
    expect(await getDb().select().from(t.sessions).where(eq(t.sessions.userId, target.id))).toHaveLength(0);
    // The password was not replaced: the target still signs in with their own.
    const signIn = await server.post(
      "/sign-in/email",
      { email: target.email, password: "taken-over-password" },
      { forwardedFor: "192.0.2.15" },
    );
    expect(signIn.status).toBe(401);
  });

  it("answers an organization owner's direct organization and team calls with 404 and changes nothing", async () => {
    const as = { cookie: owner.cookie, forwardedFor: "192.0.2.11" };
    const invitee = `invitee-${randomBytes(3).toString("hex")}@auth-route.test`;
    const calls = [
      ["/organization/invite-member", { email: invitee, role: "admin", organizationId }],
      ["/organization/create-team", { name: "Shadow team", organizationId }],
      ["/organization/update", { organizationId, data: { name: "Renamed by owner" } }],
      ["/organization/set-active", { organizationId }],
      ["/organization/update-member-role", { memberId: targetMemberId, role: "admin", organizationId }],
      ["/organization/remove-member", { memberIdOrEmail: targetMemberId, organizationId }],
    ] as const;
    for (const [path, body] of calls)
      expect
        .soft({ path, status: (await server.post(path, body, as)).status })
        .toEqual({ path, status: 404 });

    expect(await getDb().select().from(t.invitations).where(eq(t.invitations.email, invitee))).toHaveLength(
      0,
    );
    expect(
      await getDb().select().from(t.teams).where(eq(t.teams.organizationId, organizationId)),
    ).toHaveLength(0);
    const [organization] = await getDb()
      .select()
      .from(t.organizations)
      .where(eq(t.organizations.id, organizationId));
    expect(organization?.name).not.toBe("Renamed by owner");
    const [member] = await getDb().select().from(t.members).where(eq(t.members.id, targetMemberId));
    expect(member?.role).toBe("member");
    const [session] = await getDb().select().from(t.sessions).where(eq(t.sessions.userId, owner.id));
    expect(session?.activeOrganizationId ?? null).toBeNull();
  });

  it("answers GET for a served POST endpoint, and unknown paths, like any unknown path", async () => {
    expect((await server.get("/sign-in/email")).status).toBe(404);
    expect((await server.get("/get-session", { cookie: admin.cookie })).status).toBe(404);
    expect((await server.post("/no-such-endpoint", {})).status).toBe(404);
  });
});
