/**
 * The audit trail's seals, tested as an attacker would go at them: a database superuser who can
 * disable the append-only triggers and change, delete or insert rows — but does not have the
 * portal's seal key. Each test has a database of its own (the sealer and verification cover the
 * whole trail, so other files' rows must not be in it).
 */
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditContext } from "@/lib/audit/request-context";
import { runAuditVerification } from "@/lib/audit-seal/run-verification";
import { sealPendingAuditRows } from "@/lib/audit-seal/seal-pending-rows";
import { auditSealKey } from "@/lib/audit-seal/seal-key";
import { verifyAuditTrail } from "@/lib/audit-seal/verify-audit-trail";
import { createJobsDatabase, type JobsDatabase } from "../support/jobs-database";

const root = path.resolve(import.meta.dirname, "../..");
let database: JobsDatabase;
const key = () => auditSealKey();

const context: AuditContext = {
  actorUserId: "user-auditor-test",
  impersonatedUserId: null,
  ipAddress: "203.0.113.7",
  userAgent: "vitest",
};

/** Writes `n` audited changes, one transaction each (as actions do); returns their audit ids. */
async function writeAudited(n: number, label = "booking"): Promise<string[]> {
  for (let i = 0; i < n; i += 1) {
    await database.db.transaction((tx) =>
      recordAudit(tx, context, {
        action: "booking.updated",
        resourceType: "booking",
        resourceId: `${label}-${i}`,
        metadata: { field: "notes", round: i },
      }),
    );
  }
  const { rows } = await database.pool.query<{ id: string }>(
    "SELECT id FROM audit_logs WHERE resource_id LIKE $1 ORDER BY timestamp, id",
    [`${label}-%`],
  );
  return rows.map((row) => row.id);
}

async function sealEverything(): Promise<void> {
  for (;;) {
    const pass = await sealPendingAuditRows(database.db, key());
    if (pass.sealed === 0) return;
  }
}

/** What the superuser runs: the append-only triggers off, the statement, the triggers on again. */
async function asSuperuser(statement: string, params: unknown[] = []): Promise<void> {
  const tables = ["audit_logs", "audit_log_seals", "audit_log_sealed_rows", "audit_verifications"];
  for (const table of tables) await database.pool.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  await database.pool.query(statement, params);
  for (const table of tables) await database.pool.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
}

beforeEach(async () => {
  database = await createJobsDatabase("audit_seal");
});
afterEach(async () => {
  await database.drop();
});

describe("the sealed audit trail", () => {
  it("verifies when untouched, rows awaiting their seal included, and keeps refusing UPDATE and DELETE", async () => {
    await writeAudited(30);
    await sealEverything();
    await writeAudited(2, "later");
    const result = await verifyAuditTrail(database.db, key());
    expect(result).toMatchObject({ ok: true, problemCount: 0, rowsChecked: 32, awaitingSeal: 2 });
    expect(result.sealsChecked).toBeGreaterThanOrEqual(1);

    await expect(database.pool.query("DELETE FROM audit_log_seals")).rejects.toThrow(/append-only/);
    await expect(database.pool.query("UPDATE audit_log_sealed_rows SET row_hash = 'x'")).rejects.toThrow(
      /append-only/,
    );
  });

  it("names the row whose metadata was changed, stores the failed run and tells the admins; the command exits non-zero", async () => {
    const ids = await writeAudited(12);
    await sealEverything();
    const victim = ids[5]!;
    await asSuperuser(`UPDATE audit_logs SET metadata = '{"field":"diagnosis"}' WHERE id = $1`, [victim]);

    const result = await runAuditVerification(database.db, "schedule");
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: "row_changed", auditId: victim });
    expect(result.problems[0]!.sentence).toContain(victim);

    const stored = await database.pool.query(
      "SELECT ok, trigger, first_problem FROM audit_verifications ORDER BY finished_at DESC LIMIT 1",
    );
    expect(stored.rows[0]).toMatchObject({ ok: false, trigger: "schedule" });
    expect(stored.rows[0].first_problem).toContain(victim);
    const attention = await database.pool.query(
      "SELECT facts FROM notification_events WHERE kind = 'attention.needed' AND facts->>'reason' = 'audit.trail_tampered'",
    );
    expect(attention.rows).toHaveLength(1);
    expect(attention.rows[0].facts.summary).toContain(victim);

    const command = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/audit-verify.ts"],
      { cwd: root, env: { ...process.env, DATABASE_URL: database.url, LOG_LEVEL: "silent" } },
    ).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code: number; stderr: string }) => error,
    );
    expect(command.code).toBe(1);
    expect(command.stderr).toContain(`first: audit row ${victim}`);
  });

  it("names a deleted row", async () => {
    const ids = await writeAudited(10);
    await sealEverything();
    const victim = ids[3]!;
    await asSuperuser("DELETE FROM audit_logs WHERE id = $1", [victim]);

    const result = await verifyAuditTrail(database.db, key());
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: "row_removed", auditId: victim });
    expect(result.problemCount).toBe(1);
  });

  it("names a forged row inserted with a plausible timestamp, with or without a made-up MAC", async () => {
    const ids = await writeAudited(8);
    await sealEverything();
    // Same actor, an action the portal writes, a time between two real rows.
    const forge = (id: string) =>
      asSuperuser(
        `INSERT INTO audit_logs (id, user_id, action, resource_type, resource_id, metadata, ip_address, user_agent, timestamp)
         SELECT $1, user_id, 'booking.cancelled', 'booking', 'booking-2', '{}', ip_address, user_agent, timestamp + interval '1 millisecond'
         FROM audit_logs WHERE id = $2`,
        [id, ids[2]],
      );
    await forge("forged-row-without-mac");
    let result = await verifyAuditTrail(database.db, key());
    expect(result.problems[0]).toMatchObject({
      kind: "row_inserted_out_of_band",
      auditId: "forged-row-without-mac",
    });

    // A forger who knows the design adds a pending MAC too — without the key it cannot be right;
    // the sealer seals the row anyway, marked, and verification still names it.
    await forge("forged-row-with-fake-mac");
    await database.pool.query("INSERT INTO audit_log_pending (audit_id, mac) VALUES ($1, $2)", [
      "forged-row-with-fake-mac",
      "f".repeat(64),
    ]);
    const pass = await sealPendingAuditRows(database.db, key());
    expect(pass.unauthenticated).toEqual(["forged-row-with-fake-mac"]);
    result = await verifyAuditTrail(database.db, key());
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.auditId)).toEqual([
      "forged-row-with-fake-mac",
      "forged-row-without-mac",
    ]);
  });

  it("notices an altered seal, and a removed tail of the chain", async () => {
    const ids = await writeAudited(6);
    await sealEverything();
    await writeAudited(3, "second");
    await sealEverything();
    expect((await runAuditVerification(database.db, "command")).ok).toBe(true);

    // Rewriting a row and its recorded hash: the seal (an HMAC over the hashes) no longer matches.
    await asSuperuser(`UPDATE audit_logs SET metadata = '{}' WHERE id = $1`, [ids[1]]);
    await asSuperuser(
      `UPDATE audit_log_sealed_rows SET row_hash = encode(sha256(convert_to(
         (SELECT jsonb_build_array(a.id, a.user_id, a.impersonated_user_id, a.action, a.resource_type, a.resource_id, a.metadata, a.ip_address::text, a.user_agent, to_char(a.timestamp AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text
          FROM audit_logs a WHERE a.id = $1), 'UTF8')), 'hex') WHERE audit_id = $1`,
      [ids[1]],
    );
    let result = await verifyAuditTrail(database.db, key());
    expect(result.problems[0]).toMatchObject({ kind: "seal_altered", sealSequence: 1 });
    expect(result.problemCount).toBe(1);

    // Removing the newest seal and its rows leaves no broken link; the last good run's head does.
    const { rows } = await database.pool.query<{ sequence: number }>(
      "SELECT max(sequence) AS sequence FROM audit_log_seals",
    );
    const head = rows[0]!.sequence;
    await asSuperuser("DELETE FROM audit_log_sealed_rows WHERE seal_sequence = $1", [head]);
    await asSuperuser("DELETE FROM audit_logs WHERE resource_id LIKE 'second-%'");
    await asSuperuser("DELETE FROM audit_log_seals WHERE sequence = $1", [head]);
    result = await verifyAuditTrail(database.db, key());
    expect(result.problems.map((p) => p.kind)).toEqual(["seal_altered", "seal_removed"]);
    expect(result.problems[1]!.sentence).toContain(`seal ${head}`);
  });

  it("seals a row whose transaction commits after a later row was sealed, and still verifies", async () => {
    await writeAudited(3);
    await sealEverything();
    let lateId = "";
    await database.db.transaction(async (tx) => {
      await recordAudit(tx, context, {
        action: "booking.updated",
        resourceType: "booking",
        resourceId: "late-commit",
      });
      // Meanwhile another change is written, committed and sealed; the late row is not visible.
      await writeAudited(2, "meanwhile");
      const pass = await sealPendingAuditRows(database.db, key());
      expect(pass.sealed).toBe(2);
      const { rows } = await tx.execute<{ id: string }>(
        sql`SELECT id FROM audit_logs WHERE resource_id = 'late-commit'`,
      );
      lateId = rows[0]!.id;
    });
    // Committed, not sealed yet: it has its MAC, so the trail is intact.
    expect(await verifyAuditTrail(database.db, key())).toMatchObject({ ok: true, awaitingSeal: 1 });
    await sealEverything();
    const result = await verifyAuditTrail(database.db, key());
    expect(result).toMatchObject({ ok: true, awaitingSeal: 0, rowsChecked: 6 });
    const sealedIn = await database.pool.query(
      "SELECT seal_sequence FROM audit_log_sealed_rows WHERE audit_id = $1",
      [lateId],
    );
    expect(sealedIn.rows).toHaveLength(1);
  });

  it("adopts the rows written before sealing began, and two sealers at once seal each row once", async () => {
    // Rows from before the seals existed have no MAC.
    await database.pool.query(
      `INSERT INTO audit_logs (id, user_id, action, resource_type, resource_id, metadata, ip_address)
       SELECT 'legacy-' || n, 'user-legacy', 'booking.updated', 'booking', 'legacy', '{}', '127.0.0.1'
       FROM generate_series(1, 25) AS n`,
    );
    await sealEverything();
    expect((await database.pool.query("SELECT adopted FROM audit_log_seals")).rows).toEqual([
      { adopted: true },
    ]);

    await writeAudited(40);
    const passes = await Promise.all([
      sealPendingAuditRows(database.db, key()),
      sealPendingAuditRows(database.db, key()),
      sealPendingAuditRows(database.db, key()),
    ]);
    await sealEverything();
    expect(passes.reduce((sum, pass) => sum + pass.sealed, 0)).toBeLessThanOrEqual(40);
    const counts = await database.pool.query(
      "SELECT count(*)::int AS sealed, count(DISTINCT audit_id)::int AS distinct_rows FROM audit_log_sealed_rows",
    );
    expect(counts.rows[0]).toEqual({ sealed: 65, distinct_rows: 65 });
    expect(await verifyAuditTrail(database.db, key())).toMatchObject({ ok: true, rowsChecked: 65 });
  });
});
