import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeServer } from "@/services/database-url";

function folderWith(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ime-env-"));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** What a command started with `env` in `dir` sees after loading its configuration (a fresh process, as a command is). */
function variablesSeenBy(dir: string, env: Record<string, string>): Record<string, string | undefined> {
  const script = `import { loadCommandEnv } from "./services/command-env.ts";
loadCommandEnv(true, ${JSON.stringify(dir)});
console.log(JSON.stringify({ DATABASE_URL: process.env.DATABASE_URL, S3_BUCKET: process.env.S3_BUCKET }));`;
  const { DATABASE_URL: _db, S3_BUCKET: _bucket, ...rest } = process.env;
  const output = execFileSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    env: { ...rest, NODE_ENV: "development", ...env },
    encoding: "utf8",
  });
  return JSON.parse(output.trim().split("\n").pop()!);
}

// Each case starts a fresh Node with tsx (a second or two; far more on a loaded 2-core machine):
// vitest's 5 s default is a hang detector here, not a speed check.
describe("commands read configuration as Next does", { timeout: 60_000 }, () => {
  it("takes DATABASE_URL from .env when the environment has none (db:migrate no longer migrates the embedded database instead)", () => {
    const dir = folderWith({ ".env": "DATABASE_URL=postgres://prod.example:5432/ime\n" });
    expect(variablesSeenBy(dir, {}).DATABASE_URL).toBe("postgres://prod.example:5432/ime");
  });

  it("lets a variable set in the environment win over .env, and .env.local over .env", () => {
    const dir = folderWith({
      ".env": "DATABASE_URL=postgres://from-file/ime\nS3_BUCKET=plain\n",
      ".env.local": "S3_BUCKET=local\n",
    });
    expect(variablesSeenBy(dir, { DATABASE_URL: "postgres://from-shell/ime" })).toEqual({
      DATABASE_URL: "postgres://from-shell/ime",
      S3_BUCKET: "local",
    });
  });

  it("names the server a command uses without its password", () => {
    expect(describeServer("postgres://app:s3cret@db.internal:6543/ime")).toBe("db.internal:6543/ime");
    expect(describeServer("postgres://app:s3cret@db.internal/ime")).toBe("db.internal:5432/ime");
  });
});
