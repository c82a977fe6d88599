/**
 * `npm run acuity:reconcile` run in a second terminal: it adopts the services of a running
 * `npm run dev` in this checkout, and without one it says what to set instead of crashing.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "ime-running-portal-"));
const runningPortalFile = path.join(scratch, "running-portal.json");
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function runWithout(names: string[], extra: Record<string, string> = {}) {
  const env: NodeJS.ProcessEnv = { ...process.env, IME_RUNNING_PORTAL_FILE: runningPortalFile, ...extra };
  for (const name of names) delete env[name];
  return spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/acuity-reconcile.ts"], {
    cwd: root,
    env,
    encoding: "utf8",
    timeout: 180_000,
  });
}

const ALL = ["DATABASE_URL", "ACUITY_USER_ID", "ACUITY_API_KEY", "ACUITY_BASE_URL"];
/** What a launcher would record, pointing at nothing that answers, so the run fails fast after adopting it. */
const unreachable = {
  DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
  ACUITY_USER_ID: "10001",
  ACUITY_API_KEY: "k",
  ACUITY_BASE_URL: "http://127.0.0.1:1/api/v1",
};

async function pidOfExitedProcess(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

describe("acuity:reconcile in a second terminal", () => {
  it("without a running portal, exits 2 naming what is missing and how to get it", () => {
    fs.rmSync(runningPortalFile, { force: true });
    const result = runWithout(ALL);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("missing: DATABASE_URL, ACUITY_USER_ID, ACUITY_API_KEY");
    expect(result.stderr).toContain("start `npm run dev` in this checkout and run this command again");
    expect(result.stdout).toBe("");
  }, 240_000);

  it("names only the Acuity credentials when the database is set", () => {
    fs.rmSync(runningPortalFile, { force: true });
    const result = runWithout(["ACUITY_USER_ID", "ACUITY_API_KEY"], {
      DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("missing: ACUITY_USER_ID, ACUITY_API_KEY)");
  }, 240_000);

  it("uses the database and Acuity of the portal running in this checkout", () => {
    // This test process stands in for the running launcher: its pid is alive.
    fs.writeFileSync(runningPortalFile, JSON.stringify({ pid: process.pid, env: unreachable }));
    const result = runWithout(ALL);
    expect(result.stdout).toContain("using the services of the portal running in this checkout");
    expect(result.stderr).not.toContain("missing:");
    // It went on to reach the recorded (unreachable) services and failed there, not on setup.
    expect(result.status).toBe(1);
  }, 240_000);

  it("ignores what a launcher that has since died left behind", async () => {
    fs.writeFileSync(
      runningPortalFile,
      JSON.stringify({ pid: await pidOfExitedProcess(), env: unreachable }),
    );
    const result = runWithout(ALL);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("missing: DATABASE_URL, ACUITY_USER_ID, ACUITY_API_KEY");
  }, 240_000);
});
