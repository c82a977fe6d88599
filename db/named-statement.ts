import { createHash } from "node:crypto";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { DbOrTx } from "./client";

const dialect = new PgDialect();

/**
 * Runs `query` as a named (prepared) statement: each pooled connection parses it once, and after
 * five executions PostgreSQL may keep one generic plan for it instead of planning every call.
 *
 * Why: the statements every page runs — the session with its actor, the bell's unread count, the
 * filter choices — cost PostgreSQL more to parse and plan than to execute (1.5 ms of planning for
 * the session's 0.15 ms; the count plans against every index on `bookings`), and the server
 * sends their whole text on every call (issue 14). Only for statements whose text is fixed and
 * whose parameters are ids: a generic plan cannot see a parameter's value, so a statement whose
 * best plan depends on one (a date, a search, a partial index's predicate) stays unnamed.
 *
 * The name is the text's hash, so one text is one statement however many callers share it, and a
 * changed text (another membership count in an IN list) is another statement, never a clash.
 */
export async function queryNamed<Row>(db: DbOrTx, query: SQL): Promise<Row[]> {
  const compiled = dialect.sqlToQuery(query);
  const prepared = db._.session.prepareQuery<{ execute: { rows: Row[] }; all: unknown; values: unknown }>(
    compiled,
    undefined,
    statementName(compiled.sql),
    false,
  );
  const result = await prepared.execute();
  return result.rows;
}

interface NamedBuilder<Result> {
  toSQL(): { sql: string };
  prepare(name: string): { execute(): Promise<Result> };
}

/** A query builder's statement, run as a named statement (as `queryNamed`, with drizzle's mapping). */
export function executeNamed<Result>(builder: NamedBuilder<Result>): Promise<Result> {
  return builder.prepare(statementName(builder.toSQL().sql)).execute();
}

function statementName(text: string): string {
  return `n_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
}
