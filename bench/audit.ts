/**
 * `npm run bench:audit`: what sealing the audit trail costs the audited actions, and how long
 * verifying a trail of 100,000 rows takes. Needs DATABASE_URL (a Postgres server: the benchmark
 * makes and drops its own databases there); without it, a throw-away embedded cluster.
 *
 * 1. Throughput, sealing on vs off, same run. BENCH_WRITERS (8) concurrent writers each run
 *    audited transactions back to back — an update of a row of their own plus recordAudit (the
 *    audit row and its MAC), what an action's transaction does — for BENCH_ROUND_SECONDS (5) per
 *    round, BENCH_ROUNDS (6) rounds of each side, alternating which goes first. "On" runs the real
 *    sealer loop (lib/audit-seal/sealer-loop.ts) in the same process at AUDIT_SEAL_INTERVAL_MS
 *    (BENCH_SEAL_INTERVAL_MS, default 500: four times as often as the default, the harsher case).
 *    Target: on at most 10 % below off. For scale, the same transaction with the audit insert as it
 *    was before seals (no MAC row) is measured in the same rounds.
 * 2. Verification: BENCH_VERIFY_ROWS (100,000) audit rows written through recordAudit (50 per
 *    transaction), sealed, then `verifyAuditTrail` timed BENCH_VERIFY_RUNS (3) times.
 */
import os from "node:os";
import { sql } from "drizzle-orm";
import { closeDb, getDb, getPool } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { auditLogs } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditContext } from "@/lib/audit/request-context";
import { sealAllPending, startAuditSealer, stopAuditSealer } from "@/lib/audit-seal/sealer-loop";
import { auditSealKey } from "@/lib/audit-seal/seal-key";
import { verifyAuditTrail } from "@/lib/audit-seal/verify-audit-trail";
import { setEnvironment } from "@/lib/config/environment";
import { createScratchDatabase } from "@/tests/support/scratch-database";
import { describeMachine } from "./machine";

const WRITERS = Number(process.env.BENCH_WRITERS ?? 8);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SEAL_INTERVAL_MS = process.env.BENCH_SEAL_INTERVAL_MS ?? "500";
const VERIFY_ROWS = Number(process.env.BENCH_VERIFY_ROWS ?? 100_000);
const VERIFY_RUNS = Number(process.env.BENCH_VERIFY_RUNS ?? 3);

const context: AuditContext = {
  actorUserId: "bench-user",
  impersonatedUserId: null,
  ipAddress: "198.51.100.20",
  userAgent: "Mozilla/5.0 (bench)",
};

type Mode = "off" | "on" | "before";

/** One audited action's transaction: its own change, then its audit row (as the mode writes it). */
async function auditedAction(writer: number, n: number, mode: Mode): Promise<void> {
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`UPDATE bench_counters SET n = n + 1 WHERE writer = ${writer}`);
    const entry = {
      action: "booking.updated" as const,
      resourceType: "booking" as const,
      resourceId: `bench-${writer}-${n}`,
      metadata: { field: "notes", n },
    };
    if (mode === "before") {
      await tx.insert(auditLogs).values({
        userId: context.actorUserId,
        impersonatedUserId: null,
        ...entry,
        ipAddress: context.ipAddress,
        userAgent: context.userAgent,
      });
    } else await recordAudit(tx, context, entry);
  });
}

async function round(mode: Mode): Promise<number> {
  if (mode === "on") startAuditSealer();
  const until = performance.now() + ROUND_SECONDS * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: WRITERS }, async (_, writer) => {
      for (let n = 0; performance.now() < until; n += 1) {
        await auditedAction(writer, n, mode);
        done += 1;
      }
    }),
  );
  const elapsed = ROUND_SECONDS + (performance.now() - until) / 1000;
  if (mode === "on") await stopAuditSealer();
  // Each round starts from an empty queue: what "off" left pending is sealed, untimed.
  await sealAllPending();
  return done / elapsed;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

// The server's URL: each part's database is made beside it (DATABASE_URL then points at that one).
const SERVER_URL = process.env.DATABASE_URL;

async function openScratchDatabase(prefix: string) {
  setEnvironment({ DATABASE_URL: SERVER_URL });
  const scratch = await createScratchDatabase(prefix);
  await migrateDatabase(scratch.url);
  await closeDb();
  setEnvironment({ DATABASE_URL: scratch.url, DATABASE_POOL_MAX: String(WRITERS + 2) });
  return scratch;
}

async function throughput(): Promise<void> {
  const scratch = await openScratchDatabase("ime_bench_audit");
  try {
    await getPool().query("CREATE TABLE bench_counters (writer int PRIMARY KEY, n int NOT NULL)");
    await getPool().query(`INSERT INTO bench_counters SELECT g, 0 FROM generate_series(0, ${WRITERS - 1}) g`);
    await sealAllPending(); // the chain's first (adoption) seal
    for (const mode of ["off", "on", "before"] as const) await round(mode); // warm-up
    const rates: Record<Mode, number[]> = { off: [], on: [], before: [] };
    for (let i = 0; i < ROUNDS; i += 1) {
      const order: Mode[] = i % 2 === 0 ? ["off", "on", "before"] : ["on", "off", "before"];
      for (const mode of order) rates[mode].push(await round(mode));
    }
    const { rows } = await getPool().query<{ rows: string; seals: string }>(
      "SELECT (SELECT count(*) FROM audit_logs) AS rows, (SELECT count(*) FROM audit_log_seals) AS seals",
    );
    const off = median(rates.off);
    const on = median(rates.on);
    const before = median(rates.before);
    const fmt = (values: number[]) => values.map((v) => v.toFixed(0)).join(", ");
    console.log(
      `\n1. audited actions/s, ${WRITERS} concurrent writers, ${ROUNDS} × ${ROUND_SECONDS} s rounds per side (sealer every ${SEAL_INTERVAL_MS} ms when on)`,
    );
    console.log(`   sealing off: median ${off.toFixed(0)}/s   (rounds: ${fmt(rates.off)})`);
    console.log(`   sealing on:  median ${on.toFixed(0)}/s   (rounds: ${fmt(rates.on)})`);
    console.log(
      `   on / off = ${(on / off).toFixed(3)}  (${((1 - on / off) * 100).toFixed(1)} % lower; target ≤ 10 %)`,
    );
    console.log(
      `   for scale — the audit insert as before seals (no MAC row): median ${before.toFixed(0)}/s; with MAC, sealing off / before = ${(off / before).toFixed(3)}`,
    );
    console.log(`   trail afterwards: ${rows[0]!.rows} rows in ${rows[0]!.seals} seals`);
  } finally {
    await closeDb();
    await scratch.drop();
  }
}

async function verification(): Promise<void> {
  const scratch = await openScratchDatabase("ime_bench_audit_verify");
  try {
    await sealAllPending();
    const perTransaction = 50;
    const started = performance.now();
    let written = 0;
    await Promise.all(
      Array.from({ length: WRITERS }, async (_, writer) => {
        for (;;) {
          const start = written;
          if (start >= VERIFY_ROWS) return;
          written += perTransaction;
          const count = Math.min(perTransaction, VERIFY_ROWS - start);
          await getDb().transaction((tx) =>
            recordAudit(
              tx,
              context,
              Array.from({ length: count }, (_, i) => ({
                action: "booking.updated" as const,
                resourceType: "booking" as const,
                resourceId: `verify-${writer}-${start + i}`,
                metadata: { field: "notes", n: start + i, note: "a sentence of ordinary length" },
              })),
            ),
          );
        }
      }),
    );
    const writeSeconds = (performance.now() - started) / 1000;
    const sealStarted = performance.now();
    const sealed = await sealAllPending();
    const sealSeconds = (performance.now() - sealStarted) / 1000;
    const { rows } = await getPool().query<{ rows: string; seals: string; size: string }>(
      `SELECT (SELECT count(*) FROM audit_logs) AS rows, (SELECT count(*) FROM audit_log_seals) AS seals,
              pg_size_pretty(pg_total_relation_size('audit_logs') + pg_total_relation_size('audit_log_sealed_rows')
                + pg_total_relation_size('audit_log_seals')) AS size`,
    );
    console.log(
      `\n2. verification: ${rows[0]!.rows} audit rows in ${rows[0]!.seals} seals (${rows[0]!.size} with the seal tables); written in ${writeSeconds.toFixed(1)} s, sealed (${sealed} rows, the backlog at once) in ${sealSeconds.toFixed(1)} s`,
    );
    const times: number[] = [];
    for (let i = 0; i < VERIFY_RUNS; i += 1) {
      const t0 = performance.now();
      const result = await verifyAuditTrail(getDb(), auditSealKey());
      times.push((performance.now() - t0) / 1000);
      if (!result.ok || result.rowsChecked !== Number(rows[0]!.rows))
        throw new Error(`untouched trail did not verify: ${JSON.stringify(result.problems[0])}`);
    }
    console.log(
      `   verify (untouched, ok): ${times.map((t) => `${t.toFixed(2)} s`).join(", ")}; median ${median(times).toFixed(2)} s`,
    );
  } finally {
    await closeDb();
    await scratch.drop();
  }
}

async function main() {
  setEnvironment({
    AUDIT_SEAL_INTERVAL_MS: SEAL_INTERVAL_MS,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
    BETTER_AUTH_SECRET: process.env.BETTER_AUTH_SECRET ?? "bench-audit-secret-at-least-32-characters!",
  });
  console.log(`machine: ${describeMachine()}`);
  console.log(
    `load average at start: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
  const probe = await createScratchDatabase("ime_bench_audit_probe");
  try {
    const { Client } = await import("pg");
    const client = new Client({ connectionString: probe.url });
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
    await client.end();
    console.log(
      `database: PostgreSQL ${rows[0]!.server_version} (${process.env.DATABASE_URL ? "DATABASE_URL's server" : "embedded"}, scratch databases)`,
    );
  } finally {
    await probe.drop();
  }
  if (process.env.BENCH_SKIP_THROUGHPUT !== "1") await throughput();
  if (process.env.BENCH_SKIP_VERIFY !== "1") await verification();
  console.log(
    `\nload average at end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")}`,
  );
}

await main();
process.exit(0);
