import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client";

const dialect = new PgDialect();

/**
 * Runs a statement as a named (prepared) one: each pooled connection parses it once, and after five
 * executions PostgreSQL may keep one generic plan for it instead of planning every call.
 *
 * Why: the statements every page runs — the session with its actor, the bell's unread count, the
 * filter choices — cost PostgreSQL more to parse and plan than to execute (1.5 ms of planning for
 * the session's 0.15 ms; the count plans against every index on `bookings`), and the server
 * sent their whole text on every call (issue 14); pg-boss's large insert likewise
 * (lib/jobs/drizzle-executor.ts). Only for statements whose text is fixed and whose parameters are
 * ids: a generic plan cannot see a parameter's value, so a statement whose best plan depends on one
 * (a date, a search, a partial index's predicate) stays unnamed.
 *
 * The name is the text's hash, so one text is one statement however many callers share it, and a
 * changed text (another membership count in an IN list) is another statement, never a clash.
 * (Behind a transaction-mode pooler this needs one that keeps prepared statements: PgBouncer ≥ 1.21
 * with max_prepared_statements set.)
 */
export async function runNamed<Row>(db: DbOrTx, query: { sql: string; params: unknown[] }): Promise<Row[]> {
  const name = `n_${createHash("sha1").update(query.sql).digest("hex").slice(0, 24)}`;
  const prepared = db._.session.prepareQuery<{ execute: { rows: Row[] }; all: unknown; values: unknown }>(
    query,
    undefined,
    name,
    false,
  );
  return (await prepared.execute()).rows;
}

/** A drizzle `sql` statement, run as a named statement (`runNamed`); rows as PostgreSQL sends them. */
export function queryNamed<Row>(db: DbOrTx, query: SQL): Promise<Row[]> {
  return runNamed<Row>(db, dialect.sqlToQuery(query));
}
