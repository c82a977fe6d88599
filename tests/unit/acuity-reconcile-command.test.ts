/** `npm run acuity:reconcile` run without its environment must say what to set, not crash. */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");

function runWithout(names: string[], extra: Record<string, string> = {}) {
  const env = { ...process.env, ...extra };
  for (const name of names) delete env[name];
  return spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/acuity-reconcile.ts"], { cwd: root, env, encoding: "utf8", timeout: 30_000 });
}

describe("acuity:reconcile without configuration", () => {
  it("exits 2 naming what is missing and the exact variables for the dev setup", () => {
    const result = runWithout(["DATABASE_URL", "ACUITY_USER_ID", "ACUITY_API_KEY", "ACUITY_BASE_URL"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("missing: DATABASE_URL, ACUITY_USER_ID, ACUITY_API_KEY");
    expect(result.stderr).toContain("EMBEDDED_PG_PORT=5433 npm run dev");
    expect(result.stderr).toContain("ACUITY_USER_ID=10001 ACUITY_API_KEY=local-emulator-api-key ACUITY_BASE_URL=http://127.0.0.1:4010/api/v1");
    expect(result.stdout).toBe("");
  }, 30_000);

  it("names only the Acuity credentials when the database is set", () => {
    const result = runWithout(["ACUITY_USER_ID", "ACUITY_API_KEY"], { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("missing: ACUITY_USER_ID, ACUITY_API_KEY)");
  }, 30_000);
});
