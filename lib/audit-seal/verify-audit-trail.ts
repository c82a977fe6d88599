/**
 * Recomputes the audit trail's seals from the rows as they are now, in one consistent snapshot
 * (REPEATABLE READ), and lists what does not match, in chain order — so the first problem names
 * the first row changed, removed or inserted out of band, or the first seal altered or removed.
 *
 * - every seal: its sequence follows the last, it links to the previous seal's hash, and its hash
 *   is HMAC(key, …) over the row hashes it records (a seal or sealed-row record changed, added or
 *   removed breaks it — nobody without the key can make it match again);
 * - every sealed row: it still exists, its canonical text still hashes to what the seal recorded,
 *   and it had a valid MAC when sealed;
 * - every row in no seal yet: its MAC (written in its own transaction) matches — a row with none
 *   or a wrong one was inserted behind the portal's back or changed before sealing; a MAC whose
 *   row is gone means a row removed before sealing;
 * - the newest seal the last successful run verified is still there, unchanged (removing the tail
 *   of the chain leaves no broken link behind it).
 */
import { desc, eq, sql } from "drizzle-orm";
import type { DbOrTx, Tx } from "@/db/client";
import { auditLogSeals, auditVerifications } from "@/db/schema";
import {
  ABSENT_ROW_HASH,
  auditRowHash,
  auditRowMac,
  canonicalAuditRow,
  GENESIS_HASH,
  sealHash,
} from "./canonical-row";

export type AuditProblemKind =
  "row_changed" | "row_removed" | "row_inserted_out_of_band" | "seal_altered" | "seal_removed";

export interface AuditProblem {
  kind: AuditProblemKind;
  /** The audit row it concerns (row problems). */
  auditId: string | null;
  /** The seal it concerns, when it is in one. */
  sealSequence: number | null;
  /** A sentence naming the row or seal, for the command's output and Admin → Audit trail. */
  sentence: string;
}

export interface AuditVerification {
  ok: boolean;
  rowsChecked: number;
  sealsChecked: number;
  /** Rows with a valid MAC not sealed yet (normal for a few seconds after they are written). */
  awaitingSeal: number;
  head: { sequence: number; hash: string } | null;
  problemCount: number;
  /** The first MAX_LISTED problems in chain order. */
  problems: AuditProblem[];
}

const PAGE = 5000;
const MAX_LISTED = 1000;

interface SealRecord {
  sequence: number;
  previousHash: string;
  hash: string;
  rowCount: number;
}

type SealedRowRecord = {
  sealSequence: number;
  position: number;
  auditId: string;
  rowHash: string;
  macValid: boolean;
  canonical: string | null;
  action: string | null;
  at: string | null;
};

const describeRow = (id: string, action: string | null, at: string | null) =>
  action === null ? `audit row ${id}` : `audit row ${id} (${action} at ${at ?? "no time"})`;

/** The problems of one sealed row, before its seal's own check. */
function checkSealedRow(row: SealedRowRecord, report: (problem: AuditProblem) => void): void {
  const where = { auditId: row.auditId, sealSequence: row.sealSequence };
  if (row.canonical === null) {
    report({
      kind: "row_removed",
      ...where,
      sentence:
        row.rowHash === ABSENT_ROW_HASH
          ? `audit row ${row.auditId} was removed before it was sealed (seal ${row.sealSequence} recorded its MAC without the row)`
          : `audit row ${row.auditId} was removed (it is in seal ${row.sealSequence}, position ${row.position})`,
    });
    return;
  }
  const described = describeRow(row.auditId, row.action, row.at);
  if (auditRowHash(row.canonical) !== row.rowHash) {
    report({
      kind: "row_changed",
      ...where,
      sentence: `${described} was changed after it was sealed (seal ${row.sealSequence})`,
    });
  } else if (!row.macValid) {
    report({
      kind: "row_inserted_out_of_band",
      ...where,
      sentence: `${described} was inserted out of band: it had no valid MAC when seal ${row.sealSequence} took it (or it was changed before sealing)`,
    });
  }
}

async function readSeals(tx: Tx): Promise<SealRecord[]> {
  return tx
    .select({
      sequence: auditLogSeals.sequence,
      previousHash: auditLogSeals.previousHash,
      hash: auditLogSeals.hash,
      rowCount: auditLogSeals.rowCount,
    })
    .from(auditLogSeals)
    .orderBy(auditLogSeals.sequence);
}

/**
 * The sealed-row records in chain order, read a page at a time through one cursor: the query is
 * planned and run once (a keyset query per page would join and sort the whole trail each time).
 */
function sealedRowStream(tx: Tx) {
  let page: SealedRowRecord[] = [];
  let index = 0;
  let opened = false;
  let exhausted = false;
  const peek = async (): Promise<SealedRowRecord | null> => {
    if (index < page.length) return page[index]!;
    if (exhausted) return null;
    if (!opened) {
      await tx.execute(sql`
        DECLARE audit_verify_sealed_rows NO SCROLL CURSOR FOR
        SELECT s.seal_sequence AS "sealSequence", s.position, s.audit_id AS "auditId",
               s.row_hash AS "rowHash", s.mac_valid AS "macValid",
               ${canonicalAuditRow("a")} AS canonical, a.action,
               to_char(a."timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
        FROM audit_log_sealed_rows s LEFT JOIN audit_logs a ON a.id = s.audit_id
        ORDER BY s.seal_sequence, s.position`);
      opened = true;
    }
    const { rows } = await tx.execute<SealedRowRecord>(
      sql.raw(`FETCH ${PAGE} FROM audit_verify_sealed_rows`),
    );
    page = rows;
    index = 0;
    exhausted = rows.length < PAGE;
    return page[0] ?? null;
  };
  return {
    peek,
    /** Every record of this seal (the stream stands at it). */
    takeWhile: async (sequence: number): Promise<SealedRowRecord[]> => {
      const taken: SealedRowRecord[] = [];
      for (let row = await peek(); row?.sealSequence === sequence; row = await peek()) {
        taken.push(row);
        index += 1;
      }
      return taken;
    },
  };
}

export async function verifyAuditTrail(db: DbOrTx, key: Buffer): Promise<AuditVerification> {
  return db.transaction(
    async (tx) => {
      const problems: AuditProblem[] = [];
      let problemCount = 0;
      const report = (problem: AuditProblem) => {
        problemCount += 1;
        if (problems.length < MAX_LISTED) problems.push(problem);
      };

      // The chain of seals, and each seal's rows (streamed in their order). Walked by the
      // sequence numbers present — of seals or of sealed-row records — so a gap is one problem.
      const seals = await readSeals(tx);
      const rowsOf = sealedRowStream(tx);
      let rowsChecked = 0;
      let expected = 1;
      let previousHash: string | null = GENESIS_HASH;
      let sealIndex = 0;
      for (;;) {
        const nextRow = await rowsOf.peek();
        const sequence = Math.min(seals[sealIndex]?.sequence ?? Infinity, nextRow?.sealSequence ?? Infinity);
        if (sequence === Infinity) break;
        if (sequence > expected) {
          report({
            kind: "seal_removed",
            auditId: null,
            sealSequence: expected,
            sentence:
              sequence - 1 === expected
                ? `seal ${expected} was removed`
                : `seals ${expected} to ${sequence - 1} were removed`,
          });
          previousHash = null;
        }
        const rows = await rowsOf.takeWhile(sequence);
        rowsChecked += rows.length;
        for (const row of rows) checkSealedRow(row, report);
        const seal = seals[sealIndex]?.sequence === sequence ? seals[sealIndex++]! : null;
        expected = sequence + 1;
        if (!seal) {
          report({
            kind: "seal_removed",
            auditId: rows[0]?.auditId ?? null,
            sealSequence: sequence,
            sentence: `seal ${sequence} was removed (${rows.length} sealed row record(s) still name it)`,
          });
          previousHash = null;
          continue;
        }
        const linked = previousHash === null || seal.previousHash === previousHash;
        if (
          !linked ||
          sealHash(key, sequence, seal.previousHash, rows) !== seal.hash ||
          rows.length !== seal.rowCount
        ) {
          report({
            kind: "seal_altered",
            auditId: null,
            sealSequence: sequence,
            sentence: !linked
              ? `seal ${sequence} no longer follows seal ${sequence - 1}: one of them was altered or replaced`
              : `seal ${sequence} does not match the rows it records: the seal, or its record of sealed rows, was altered`,
          });
        }
        previousHash = seal.hash;
      }
      const bySequence = new Map(seals.map((seal) => [seal.sequence, seal]));

      // Rows in no seal: each must carry its MAC; MACs whose row is gone are removals.
      const { rows: unsealed } = await tx.execute<{
        auditId: string;
        action: string;
        at: string | null;
        canonical: string;
        mac: string | null;
      }>(sql`
        SELECT a.id AS "auditId", a.action,
               to_char(a."timestamp" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at,
               ${canonicalAuditRow("a")} AS canonical, p.mac
        FROM audit_logs a LEFT JOIN audit_log_pending p ON p.audit_id = a.id
        WHERE NOT EXISTS (SELECT 1 FROM audit_log_sealed_rows s WHERE s.audit_id = a.id)
        ORDER BY a."timestamp", a.id`);
      let awaitingSeal = 0;
      for (const row of unsealed) {
        rowsChecked += 1;
        const described = describeRow(row.auditId, row.action, row.at);
        if (row.mac === null) {
          report({
            kind: "row_inserted_out_of_band",
            auditId: row.auditId,
            sealSequence: null,
            sentence: `${described} was inserted out of band: it is in no seal and has no MAC`,
          });
        } else if (row.mac !== auditRowMac(key, row.canonical)) {
          report({
            kind: "row_changed",
            auditId: row.auditId,
            sealSequence: null,
            sentence: `${described} does not match its MAC: changed before it was sealed, or inserted out of band`,
          });
        } else awaitingSeal += 1;
      }
      const { rows: orphans } = await tx.execute<{ auditId: string }>(sql`
        SELECT p.audit_id AS "auditId" FROM audit_log_pending p
        WHERE NOT EXISTS (SELECT 1 FROM audit_logs a WHERE a.id = p.audit_id)
          AND NOT EXISTS (SELECT 1 FROM audit_log_sealed_rows s WHERE s.audit_id = p.audit_id)
        ORDER BY p.audit_id`);
      for (const orphan of orphans) {
        report({
          kind: "row_removed",
          auditId: orphan.auditId,
          sealSequence: null,
          sentence: `audit row ${orphan.auditId} was removed before it was sealed (its MAC remains)`,
        });
      }

      // The tail: the newest seal the last good run saw must still be there as it was.
      const [lastGood] = await tx
        .select({
          sequence: auditVerifications.headSequence,
          hash: auditVerifications.headHash,
          finishedAt: auditVerifications.finishedAt,
        })
        .from(auditVerifications)
        .where(eq(auditVerifications.ok, true))
        .orderBy(desc(auditVerifications.finishedAt))
        .limit(1);
      if (lastGood?.sequence != null && lastGood.hash !== null) {
        const seal = bySequence.get(lastGood.sequence);
        if (seal?.hash !== lastGood.hash) {
          report({
            kind: seal ? "seal_altered" : "seal_removed",
            auditId: null,
            sealSequence: lastGood.sequence,
            sentence: `seal ${lastGood.sequence}, verified on ${lastGood.finishedAt.toISOString()}, was ${seal ? "altered" : "removed"} since`,
          });
        }
      }

      const head = seals.at(-1);
      return {
        ok: problemCount === 0,
        rowsChecked,
        sealsChecked: seals.length,
        awaitingSeal,
        head: head ? { sequence: head.sequence, hash: head.hash } : null,
        problemCount,
        problems,
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
