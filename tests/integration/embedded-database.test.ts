/**
 * The embedded default database (what `npm run dev` and a `npm test` without DATABASE_URL use)
 * is as safe under concurrency as a Postgres server: many connections from several processes
 * never mix up their queries, row locks behave as on a server, and its data folder has one owner.
 * The former default (PGlite behind pglite-socket) failed the first test with thousands of
 * wrong results and protocol errors ("bind message supplies 3 parameters, but prepared
 * statement requires 2").
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/services/embedded-postgres";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "ime-embedded-test-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function runTsx(script: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${script} exited ${code}: ${err.slice(-2000)}`)),
    );
  });
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe("the embedded database under concurrency", () => {
  let embedded: EmbeddedPostgres;
  beforeAll(async () => {
    // Exactly as the launcher starts it: a persistent cluster in a data folder.
    embedded = await startEmbeddedPostgres({ dataDir: path.join(root, "stress", "postgres"), port: 0 });
    await withClient(embedded.url, (client) =>
      client.query("CREATE TABLE stress_rows (lane text, i int, value text, PRIMARY KEY (lane, i))"),
    );
  });
  afterAll(async () => {
    await embedded?.stop();
  });

  it("16 connections in 2 processes, thousands of parameterized queries of different shapes: every answer is its own", async () => {
    const connections = 8;
    const iterations = 150;
    const outputs = await Promise.all(
      ["first", "second"].map((tag) =>
        runTsx("tests/support/db-stress-worker.ts", [
          embedded.url,
          tag,
          String(connections),
          String(iterations),
        ]),
      ),
    );
    const results = outputs.map(
      (output) =>
        JSON.parse(output.trim().split("\n").pop()!) as {
          queries: number;
          wrong: number;
          errors: number;
          samples: string[];
        },
    );
    for (const result of results) {
      expect(result.samples).toEqual([]);
      expect(result.wrong).toBe(0);
      expect(result.errors).toBe(0);
      // Six checked answers a round (four shapes outside, two inside a transaction), plus the final count.
      expect(result.queries).toBe(connections * iterations * 6 + 1);
    }
  }, 600_000);

  it("row locks behave as on a server: FOR UPDATE makes others wait, SKIP LOCKED passes over the locked row", async () => {
    await withClient(embedded.url, (client) =>
      client.query(
        "CREATE TABLE lock_rows (id int PRIMARY KEY, taken_by text); INSERT INTO lock_rows VALUES (1, NULL), (2, NULL)",
      ),
    );
    const holder = new Client({ connectionString: embedded.url });
    const other = new Client({ connectionString: embedded.url });
    await holder.connect();
    await other.connect();
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT id FROM lock_rows WHERE id = 1 FOR UPDATE");

      await other.query("BEGIN");
      const skipped = await other.query("SELECT id FROM lock_rows ORDER BY id FOR UPDATE SKIP LOCKED");
      expect(skipped.rows.map((row) => row.id)).toEqual([2]);
      // A plain FOR UPDATE of the held row waits: with a lock timeout it gives up instead of reading it.
      await other.query("SAVEPOINT wait_for_row");
      await other.query("SET LOCAL lock_timeout = '200ms'");
      await expect(other.query("SELECT id FROM lock_rows WHERE id = 1 FOR UPDATE")).rejects.toMatchObject({
        code: "55P03",
      });
      await other.query("ROLLBACK TO SAVEPOINT wait_for_row");

      await holder.query("UPDATE lock_rows SET taken_by = 'holder' WHERE id = 1");
      await holder.query("COMMIT");
      const afterCommit = await other.query("SELECT taken_by FROM lock_rows WHERE id = 1 FOR UPDATE");
      expect(afterCommit.rows[0].taken_by).toBe("holder");
      await other.query("COMMIT");
    } finally {
      await holder.end();
      await other.end();
    }
  });
});

describe("one owner of the data folder", () => {
  it("a second start while the first runs is refused, naming the process that serves it", async () => {
    const dataDir = path.join(root, "owner", "postgres");
    const first = await startEmbeddedPostgres({ dataDir, port: 0 });
    try {
      await expect(startEmbeddedPostgres({ dataDir, port: 0 })).rejects.toThrow(
        /already served by process \d+/,
      );
      // The refusal harmed nothing: the first server still answers.
      await withClient(first.url, async (client) =>
        expect((await client.query("SELECT 1 AS one")).rows[0].one).toBe(1),
      );
    } finally {
      await first.stop();
    }
  });

  it("a server left behind by a launcher killed outright is taken over on the next start, with its data", async () => {
    const dataDir = path.join(root, "orphan", "postgres");
    const launcher = spawn(
      process.execPath,
      ["--import", "tsx", "tests/support/embedded-owner.ts", dataDir],
      { stdio: ["ignore", "pipe", "inherit"] },
    );
    await new Promise<void>((resolve, reject) => {
      launcher.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
      launcher.on("exit", (code) => reject(new Error(`the stand-in launcher exited early (${code})`)));
    });
    const orphanPid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    launcher.kill("SIGKILL");
    await new Promise((resolve) => launcher.once("exit", resolve));

    const next = await startEmbeddedPostgres({ dataDir, port: 0 });
    try {
      const rows = await withClient(
        next.url,
        async (client) => (await client.query("SELECT note FROM survivors")).rows,
      );
      expect(rows).toEqual([{ note: "written before the kill" }]);
      const newPid = Number(fs.readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
      expect(newPid).not.toBe(orphanPid);
    } finally {
      await next.stop();
    }
  }, 180_000);
});
