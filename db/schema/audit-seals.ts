/**
 * The seals of the audit trail (lib/audit-seal, ARCHITECTURE.md "Audit trail integrity"):
 * `audit_logs` itself stays exactly the seed's contract; what makes tampering evident lives beside
 * it. Each audit row gets a MAC in its own transaction (`audit_log_pending`); the sealer moves
 * pending rows into a hash chain of seals (`audit_log_seals` + `audit_log_sealed_rows`), and
 * `npm run audit:verify` (and the daily job) recomputes it all, recording each run in
 * `audit_verifications`. Seals, sealed rows and verifications are append-only (a trigger, like
 * audit_logs); the pending rows are a queue the sealer empties.
 */
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from "drizzle-orm/pg-core";
import { idColumn } from "./columns";

/**
 * An audit row not sealed yet, with HMAC(key, its canonical text): written by recordAudit in the
 * audited transaction (an insert, no lock), deleted by the sealer when it seals the row. A row
 * without one (or with a wrong one) was not written by the portal.
 */
export const auditLogPending = pgTable("audit_log_pending", {
  auditId: varchar("audit_id", { length: 255 }).primaryKey(),
  mac: varchar("mac", { length: 64 }).notNull(),
});

/** A link of the chain: hash = HMAC(key, sequence ‖ previous hash ‖ its rows' hashes by position). */
export const auditLogSeals = pgTable(
  "audit_log_seals",
  {
    sequence: integer("sequence").primaryKey(),
    previousHash: varchar("previous_hash", { length: 64 }).notNull(),
    hash: varchar("hash", { length: 64 }).notNull(),
    rowCount: integer("row_count").notNull(),
    /** The first sealer pass adopts the rows written before sealing existed (they have no MAC). */
    adopted: boolean("adopted").notNull().default(false),
    sealedAt: timestamp("sealed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("audit_log_seals_sequence_positive", sql`${t.sequence} > 0`)],
);

/** Which seal holds an audit row, where, and the row's hash then (SHA-256 of its canonical text). */
export const auditLogSealedRows = pgTable(
  "audit_log_sealed_rows",
  {
    auditId: varchar("audit_id", { length: 255 }).primaryKey(),
    sealSequence: integer("seal_sequence")
      .notNull()
      .references(() => auditLogSeals.sequence),
    position: integer("position").notNull(),
    /** `absent` when the row's MAC was pending but the row itself was gone (removed before sealing). */
    rowHash: varchar("row_hash", { length: 64 }).notNull(),
    /** False: the row carried no valid MAC when sealed — inserted out of band or changed before sealing. */
    macValid: boolean("mac_valid").notNull(),
  },
  (t) => [uniqueIndex("audit_log_sealed_rows_seal_position").on(t.sealSequence, t.position)],
);

/** One run of the verification (command or daily job): what Admin → Audit trail shows. */
export const auditVerifications = pgTable(
  "audit_verifications",
  {
    id: idColumn(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    finishedAt: timestamp("finished_at", { withTimezone: true }).notNull().defaultNow(),
    ok: boolean("ok").notNull(),
    /** `command` (npm run audit:verify) or `schedule` (the daily job). */
    trigger: varchar("trigger", { length: 20 }).notNull(),
    rowsChecked: integer("rows_checked").notNull(),
    sealsChecked: integer("seals_checked").notNull(),
    /** The newest seal it verified: the next run checks that this seal is still there, unchanged. */
    headSequence: integer("head_sequence"),
    headHash: varchar("head_hash", { length: 64 }),
    problemCount: integer("problem_count").notNull(),
    /** The first problem, as a sentence naming the row or seal (no row contents). */
    firstProblem: text("first_problem"),
  },
  (t) => [index("idx_audit_verifications_finished").on(t.finishedAt)],
);
