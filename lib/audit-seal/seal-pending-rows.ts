/**
 * One pass of the sealer: the audit rows written since the last seal (their MACs wait in
 * audit_log_pending) become the next seal of the chain. Whatever is pending is taken, in whatever
 * order its transactions committed: a transaction that commits late simply lands in a later seal
 * (a watermark such as "every row up to id X" would skip it and later call it forged).
 *
 * Only the sealer takes a lock — a transaction-level advisory lock, tried, not waited for: a second
 * instance finds it taken and leaves the pass to the first. Writers never wait for the sealer and
 * the sealer never waits for them (it reads committed rows and deletes only their pending MACs).
 */
import { timingSafeEqual } from "node:crypto";
import { desc, inArray, sql } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { auditLogPending, auditLogs, auditLogSealedRows, auditLogSeals } from "@/db/schema";
import {
  ABSENT_ROW_HASH,
  auditRowHash,
  auditRowMac,
  canonicalAuditRow,
  GENESIS_HASH,
  sealHash,
} from "./canonical-row";

/** Rows per seal: one seal per pass unless a backlog (the first pass over an old trail) needs more. */
export const SEAL_BATCH_SIZE = 1000;

export interface SealPass {
  /** Rows sealed by this pass (0 when nothing was pending or another sealer held the lock). */
  sealed: number;
  /** The seal this pass wrote, if any. */
  sequence: number | null;
  /** Another sealer was on it. */
  busy: boolean;
  /** Rows sealed without a valid MAC: inserted behind the portal's back, or changed before sealing. */
  unauthenticated: string[];
}

interface SealedRow {
  auditId: string;
  rowHash: string;
  macValid: boolean;
}

const sameMac = (stored: string | null, expected: string): boolean =>
  stored !== null &&
  stored.length === expected.length &&
  timingSafeEqual(Buffer.from(stored, "utf8"), Buffer.from(expected, "utf8"));

/** What the seal records for a row: its hash now, and whether its MAC says the portal wrote it. */
function sealedRow(
  key: Buffer,
  row: { auditId: string; mac: string | null; canonical: string | null },
  legacy: boolean,
): SealedRow {
  if (row.canonical === null) return { auditId: row.auditId, rowHash: ABSENT_ROW_HASH, macValid: false };
  const macValid = legacy && row.mac === null ? true : sameMac(row.mac, auditRowMac(key, row.canonical));
  return { auditId: row.auditId, rowHash: auditRowHash(row.canonical), macValid };
}

async function appendSeal(
  tx: Tx,
  key: Buffer,
  previous: { sequence: number; hash: string } | null,
  rows: SealedRow[],
  adopted: boolean,
): Promise<{ sequence: number; hash: string }> {
  const sequence = (previous?.sequence ?? 0) + 1;
  const previousHash = previous?.hash ?? GENESIS_HASH;
  const hash = sealHash(key, sequence, previousHash, rows);
  await tx.insert(auditLogSeals).values({ sequence, previousHash, hash, rowCount: rows.length, adopted });
  if (rows.length > 0) {
    await tx.insert(auditLogSealedRows).values(
      rows.map((row, position) => ({
        auditId: row.auditId,
        sealSequence: sequence,
        position,
        rowHash: row.rowHash,
        macValid: row.macValid,
      })),
    );
    await tx.delete(auditLogPending).where(
      inArray(
        auditLogPending.auditId,
        rows.map((row) => row.auditId),
      ),
    );
  }
  return { sequence, hash };
}

/**
 * The chain's first pass: every row already in audit_logs — written before sealing existed, so
 * without a MAC — is adopted into seals (in batches, in one transaction). Runs once: afterwards a
 * row without a valid MAC is sealed as unauthenticated, and verification names it.
 */
async function adoptExistingRows(tx: Tx, key: Buffer): Promise<SealPass> {
  let previous: { sequence: number; hash: string } | null = null;
  let after = "";
  let sealed = 0;
  const unauthenticated: string[] = [];
  for (;;) {
    const { rows } = await tx.execute<{ auditId: string; mac: string | null; canonical: string }>(sql`
      SELECT a.id AS "auditId", p.mac, ${canonicalAuditRow("a")} AS canonical
      FROM audit_logs a LEFT JOIN audit_log_pending p ON p.audit_id = a.id
      WHERE a.id > ${after}
      ORDER BY a.id
      LIMIT ${SEAL_BATCH_SIZE}`);
    // An empty trail still gets its first seal: the chain has started, nothing is adopted later.
    if (rows.length === 0 && previous !== null) break;
    const batch = rows.map((row) => sealedRow(key, row, true));
    previous = await appendSeal(tx, key, previous, batch, true);
    sealed += batch.length;
    unauthenticated.push(...batch.filter((row) => !row.macValid).map((row) => row.auditId));
    if (rows.length < SEAL_BATCH_SIZE) break;
    after = rows[rows.length - 1]!.auditId;
  }
  return { sealed, sequence: previous.sequence, busy: false, unauthenticated };
}

/** Seals up to SEAL_BATCH_SIZE pending rows into the next seal; call again while it seals a full batch. */
export async function sealPendingAuditRows(db: Database, key: Buffer): Promise<SealPass> {
  return db.transaction(async (tx) => {
    const { rows: lock } = await tx.execute<{ locked: boolean }>(
      sql`SELECT pg_try_advisory_xact_lock(hashtext('ime-portal:audit-sealer')) AS locked`,
    );
    if (!lock[0]?.locked) return { sealed: 0, sequence: null, busy: true, unauthenticated: [] };

    const [last] = await tx
      .select({ sequence: auditLogSeals.sequence, hash: auditLogSeals.hash })
      .from(auditLogSeals)
      .orderBy(desc(auditLogSeals.sequence))
      .limit(1);
    if (!last) return adoptExistingRows(tx, key);

    // Every statement below finds its rows by primary key, never by scanning the trail: a pass
    // costs the same at a million sealed rows as at ten.
    const pending = await tx
      .select({ auditId: auditLogPending.auditId, mac: auditLogPending.mac })
      .from(auditLogPending)
      .limit(SEAL_BATCH_SIZE);
    if (pending.length === 0) return { sealed: 0, sequence: null, busy: false, unauthenticated: [] };
    const ids = pending.map((row) => row.auditId);
    // A MAC pending for a row that is sealed already is a stray (re-inserted by hand): dropped,
    // the seal holds the row.
    const strays = new Set(
      (
        await tx
          .select({ auditId: auditLogSealedRows.auditId })
          .from(auditLogSealedRows)
          .where(inArray(auditLogSealedRows.auditId, ids))
      ).map((row) => row.auditId),
    );
    if (strays.size > 0)
      await tx.delete(auditLogPending).where(inArray(auditLogPending.auditId, [...strays]));
    const found = new Map(
      (
        await tx
          .select({
            id: auditLogs.id,
            canonical: canonicalAuditRow('"audit_logs"'),
            at: sql<
              string | null
            >`to_char(${auditLogs.timestamp} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`,
          })
          .from(auditLogs)
          .where(inArray(auditLogs.id, ids))
      ).map((row) => [row.id, row]),
    );
    // In the seal, the oldest rows first; a MAC whose row is gone is sealed too ("absent"), first,
    // so the removal stays on record.
    const sortKey = (auditId: string) => `${found.get(auditId)?.at ?? ""} ${auditId}`;
    const rows = pending
      .filter((row) => !strays.has(row.auditId))
      .map((row) => ({ ...row, canonical: found.get(row.auditId)?.canonical ?? null }))
      .sort((a, b) => (sortKey(a.auditId) < sortKey(b.auditId) ? -1 : 1));
    if (rows.length === 0) return { sealed: 0, sequence: null, busy: false, unauthenticated: [] };
    const batch = rows.map((row) => sealedRow(key, row, false));
    const seal = await appendSeal(tx, key, last, batch, false);
    return {
      sealed: batch.length,
      sequence: seal.sequence,
      busy: false,
      unauthenticated: batch.filter((row) => !row.macValid).map((row) => row.auditId),
    };
  });
}
