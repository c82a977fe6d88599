/**
 * `npm run admin:create` on an empty production database: run as the command it is (a child
 * process, password piped in), against its own scratch database — the shared test database
 * has admins already. Creates, refuses a second time, adds one with --force, audits each by
 * the system user, and the new admin signs in through better-auth.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { auditLogs, users } from "@/db/schema";
import { SYSTEM_USER } from "@/db/seed/demo-people";
import { getAuth } from "@/lib/auth/auth";
import { createScratchDatabase, type ScratchDatabase } from "@/tests/support/scratch-database";

const root = path.resolve(import.meta.dirname, "../..");
const PASSWORD = "first-admin-password-7";
let scratch: ScratchDatabase;

beforeAll(async () => {
  scratch = await createScratchDatabase("create_admin");
  await migrateDatabase(scratch.url);
  // This file's app client (getDb, getAuth) talks to the scratch database too.
  await closeDb();
  process.env.DATABASE_URL = scratch.url;
}, 120_000);

afterAll(async () => {
  await closeDb();
  await scratch.drop();
});

function createAdmin(args: string[], stdin: string) {
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/create-admin.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: scratch.url, IME_RUNNING_PORTAL_FILE: "/nonexistent" },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(stdin);
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (code) => resolve({ code, stdout, stderr })),
  );
}

const bootstrapRows = () =>
  getDb()
    .select({ userId: auditLogs.userId, resourceId: auditLogs.resourceId, metadata: auditLogs.metadata })
    .from(auditLogs)
    .where(eq(auditLogs.action, "admin.bootstrapped"));

describe("npm run admin:create", () => {
  it("says what is wrong with a bad e-mail or a short password, and creates nothing", async () => {
    const badEmail = await createAdmin(
      ["--name", "Ada Admin", "--email", "not-an-address", "--password-stdin"],
      PASSWORD,
    );
    expect(badEmail.code).toBe(2);
    expect(badEmail.stderr).toContain("email: Enter a valid e-mail address");

    const weak = await createAdmin(
      ["--name", "Ada Admin", "--email", "ada@portal.test", "--password-stdin"],
      "short-pw\n",
    );
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain("password: Use at least 12 characters");
    expect(weak.stderr + weak.stdout).not.toContain("short-pw");

    // Long enough, but one of the most common passwords (issue 17's password rule).
    const common = await createAdmin(
      ["--name", "Ada Admin", "--email", "ada@portal.test", "--password-stdin"],
      "Password1234\n",
    );
    expect(common.code).toBe(2);
    expect(common.stderr).toContain("password: This password is on the list of the most common passwords");
    expect(common.stderr + common.stdout).not.toContain("Password1234");

    const withoutTerminal = await createAdmin(
      ["--name", "Ada Admin", "--email", "ada@portal.test"],
      PASSWORD,
    );
    expect(withoutTerminal.code).toBe(2);
    expect(withoutTerminal.stderr).toContain("--password-stdin");
    expect(await getDb().select().from(users)).toEqual([]);
  }, 120_000);

  it("creates the first admin, audited by the system user, who can then sign in", async () => {
    const run = await createAdmin(
      ["--name", "Ada Admin", "--email", "Ada@Portal.test", "--password-stdin"],
      `${PASSWORD}\n`,
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("platform admin ada@portal.test created");
    expect(run.stdout + run.stderr).not.toContain(PASSWORD);

    const [admin] = await getDb().select().from(users).where(eq(users.email, "ada@portal.test"));
    expect(admin).toMatchObject({ name: "Ada Admin", role: "admin" });
    const [system] = await getDb().select().from(users).where(eq(users.email, SYSTEM_USER.email));
    expect(await bootstrapRows()).toEqual([
      {
        userId: system!.id,
        resourceId: admin!.id,
        metadata: { email: "ada@portal.test", name: "Ada Admin", forced: false, adminsBefore: 0 },
      },
    ]);

    // The hash better-auth checks at sign-in is the one it wrote (the trailing newline was the pipe's).
    const signedIn = await getAuth().api.signInEmail({
      body: { email: "ada@portal.test", password: PASSWORD },
    });
    expect(signedIn.user.id).toBe(admin!.id);
  }, 120_000);

  it("refuses a second admin without --force, naming only how many exist", async () => {
    const run = await createAdmin(
      ["--name", "Bob Admin", "--email", "bob@portal.test", "--password-stdin"],
      PASSWORD,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("1 platform admin(s) already exist; nothing was created");
    expect(run.stderr).not.toContain("ada@portal.test");
    expect(await getDb().select().from(users).where(eq(users.email, "bob@portal.test"))).toEqual([]);
    expect(await bootstrapRows()).toHaveLength(1);
  }, 120_000);

  it("adds another admin with --force, and never a second account for one e-mail", async () => {
    const forced = await createAdmin(
      ["--name", "Bob Admin", "--email", "bob@portal.test", "--password-stdin", "--force"],
      PASSWORD,
    );
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain("1 platform admin(s) existed before this one");
    const [bob] = await getDb().select().from(users).where(eq(users.email, "bob@portal.test"));
    const rows = await getDb()
      .select({ metadata: auditLogs.metadata })
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "admin.bootstrapped"), eq(auditLogs.resourceId, bob!.id)));
    expect(rows).toEqual([
      { metadata: { email: "bob@portal.test", name: "Bob Admin", forced: true, adminsBefore: 1 } },
    ]);

    const again = await createAdmin(
      ["--name", "Bob Again", "--email", "bob@portal.test", "--password-stdin", "--force"],
      PASSWORD,
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("a user with this e-mail already exists");
    expect(await bootstrapRows()).toHaveLength(2);
  }, 120_000);
});
