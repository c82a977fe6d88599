import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { Client, type QueryConfig } from "pg";
import type { DbOrTx } from "./client";

const dialect = new PgDialect();

/**
 * Named (prepared) statements: each pooled connection parses one once, and after five executions
 * PostgreSQL may keep one generic plan for it instead of planning every call — it compares the
 * generic plan's cost with the custom plans' it made so far and keeps planning when generic
 * would be dearer, so a statement whose best plan depends on a value stays planned per call.
 *
 * Why: the statements every page runs — the session with its actor, the bell's unread count, the
 * filter choices, and the bookings list's page and tab counts — cost PostgreSQL more to parse and
 * plan than to execute (the list's count: 1.0–2.1 ms of planning for 1.0 ms of execution; it plans
 * against every index on `bookings`), and the server sent their whole text on every call
 * (issue 14); pg-boss's large insert likewise (lib/jobs/drizzle-executor.ts).
 * Not for statements whose plan must see a value the generic plan is blind to — a search's
 * pattern (the trigram index's selectivity), a date range's width: those stay unnamed.
 *
 * A statement's name is its text's hash: one text is one statement however many callers share
 * it, and a changed text (another membership count in an IN list) is another statement, never a
 * clash. (Behind a transaction-mode pooler this needs one that keeps prepared statements:
 * PgBouncer ≥ 1.21 with max_prepared_statements set.)
 */
const NAME_PREFIX = "n_";
const statementName = (text: string) =>
  `${NAME_PREFIX}${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;

/**
 * At most this many named statements per connection; a new text gives up the least recently used
 * (StatementNamingClient), or runs unnamed when that one is in use. Each keeps its
 * parse tree and plans in the connection's backend — measured at 1,000,000 bookings: the list's
 * tab count ≈ 100 KB, its page ≈ 340 KB with the generic plan — and the list's texts multiply with
 * its viewers' scopes, filters, sorts and page sizes. The bound keeps a busy connection (the pool's
 * idle timeout never ends one under steady load) to ≈ 16 MB however many combinations a day's
 * users try; the fixed statements (session, bell, filter choices, pg-boss's) take about ten.
 */
export const NAMED_STATEMENTS_PER_CONNECTION = 48;

/** pg's own record of what a connection has parsed, and what waits to be sent (not in its types). */
interface PgInternals {
  connection: { parsedStatements: Record<string, string> };
  _queryQueue: { name?: string }[];
  _getActiveQuery(): { name?: string } | null;
}

/**
 * The pool's client (db/client.ts): holds each connection to NAMED_STATEMENTS_PER_CONNECTION,
 * the least recently used given up for a new one. Without that, the first texts a connection met
 * kept its slots for its life — under steady load the pool never ends one — and every text after
 * them ran unnamed, parsed and planned on each call. Measured at 1,000,000 bookings (issue 14): on a
 * fresh server, after a referrer's and an owner's 42 list shapes, a specialist's first page cost
 * PostgreSQL 10.0–10.7 ms a request, against 3.4 with nothing before it — every pooled connection's
 * slots held the first two viewers' texts; with the least recently used given up, 4.5 falling to 3.8.
 */
export class StatementNamingClient extends Client {
  /** Names prepared on this connection, least recently used first (a Set keeps insertion order). */
  private readonly named = new Set<string>();

  // pg's query() has a dozen overloads; only a config object carrying one of our names is changed.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const [config] = args as [QueryConfig | string | undefined];
    const name = typeof config === "object" ? config.name : undefined;
    if (name?.startsWith(NAME_PREFIX)) {
      if (this.named.has(name)) {
        this.named.delete(name); // used now: to the end of the line
        this.named.add(name);
      } else if (this.named.size < NAMED_STATEMENTS_PER_CONNECTION || this.makeRoom()) {
        this.named.add(name);
      } else {
        args[0] = { ...(config as QueryConfig), name: undefined };
      }
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (super.query as (...a: any[]) => any)(...args);
  }

  /** Below the bound again, giving up the least recently used (one, or more after a refusal). */
  private makeRoom(): boolean {
    while (this.named.size >= NAMED_STATEMENTS_PER_CONNECTION) if (!this.giveUpLeastRecent()) return false;
    return true;
  }

  /**
   * Deallocates the least recently used statement, queued ahead of whatever is asked next, and
   * tells pg it is gone (else pg skips the Parse the next time that name comes and PostgreSQL
   * answers "does not exist"). Not while a query sent or waiting still uses that name — it would
   * then be parsed again under a name PostgreSQL still holds; the new text runs unnamed instead.
   * A name pg never saw parsed (its Parse was refused, inside a transaction that had failed) is
   * only forgotten: PostgreSQL does not hold it, and a DEALLOCATE of it would fail the caller's
   * transaction.
   */
  private giveUpLeastRecent(): boolean {
    const oldest = this.named.values().next().value;
    const pg = this as unknown as PgInternals;
    if (oldest === undefined || pg._getActiveQuery()?.name === oldest) return false;
    if (pg._queryQueue.some((queued) => queued.name === oldest)) return false;
    this.named.delete(oldest);
    const text = pg.connection.parsedStatements[oldest];
    if (text === undefined) return true;
    delete pg.connection.parsedStatements[oldest];
    (super.query as (text: string) => Promise<unknown>)(`DEALLOCATE ${oldest}`).catch(() => {
      // Refused (inside a transaction that already failed): PostgreSQL still holds it, so pg must
      // know it again — a later call then uses it as prepared, and no Parse clashes — and so must
      // the count, or the connection would hold one more than its bound.
      pg.connection.parsedStatements[oldest] = text;
      this.named.add(oldest);
    });
    return true;
  }
}

/** Runs `{ sql, params }` as a named statement; rows as PostgreSQL sends them. */
export async function runNamed<Row>(db: DbOrTx, query: { sql: string; params: unknown[] }): Promise<Row[]> {
  const prepared = db._.session.prepareQuery<{ execute: { rows: Row[] }; all: unknown; values: unknown }>(
    query,
    undefined,
    statementName(query.sql),
    false,
  );
  return (await prepared.execute()).rows;
}

/**
 * A built select's rows as arrays, in its select list's order (pg's array row mode), named when
 * `named` — for a wide list whose caller maps its own columns: drizzle's row mapper tests each
 * field of each row against its entity classes, ≈ 0.4 ms of the server's time for a page of 25
 * bookings of 25 columns (issue 14). Timestamps arrive as text, as drizzle's driver reads them.
 */
export async function runForArrays(
  db: DbOrTx,
  query: { sql: string; params: unknown[] },
  named: boolean,
): Promise<unknown[][]> {
  const prepared = db._.session.prepareQuery<{ execute: unknown[][]; all: unknown; values: unknown }>(
    query,
    undefined,
    named ? statementName(query.sql) : undefined,
    true,
    (rows) => rows as unknown[][],
  );
  return prepared.execute();
}

/** A drizzle `sql` statement, run as a named statement (`runNamed`); rows as PostgreSQL sends them. */
export function queryNamed<Row>(db: DbOrTx, query: SQL): Promise<Row[]> {
  return runNamed<Row>(db, dialect.sqlToQuery(query));
}

/** What drizzle's `.prepare()` gives for node-postgres: the two configs it hands pg carry the name. */
interface DrizzlePreparedSelect<Result> {
  getQuery(): { sql: string };
  execute(): Promise<Result>;
  queryConfig?: { name?: string };
  rawQueryConfig?: { name?: string };
}

/**
 * A drizzle select (its rows mapped as drizzle maps them), run as a named statement. The name
 * comes from the text drizzle built for `.prepare()`: naming it first would build the page's
 * largest statement twice.
 */
export function selectNamed<Result>(query: { prepare(name: string): DrizzlePreparedSelect<Result> }) {
  const prepared = query.prepare(`${NAME_PREFIX}pending`);
  const name = statementName(prepared.getQuery().sql);
  if (!prepared.queryConfig || !prepared.rawQueryConfig)
    throw new Error("drizzle's prepared query no longer carries its pg configs: see db/named-statement.ts");
  prepared.queryConfig.name = name;
  prepared.rawQueryConfig.name = name;
  return prepared.execute();
}

/**
 * A LIMIT written into the statement's text rather than sent as a parameter. A generic plan
 * cannot see a `limit $1` and costs it as a tenth of the table, so PostgreSQL judged every generic
 * plan of the list dearer than its custom ones and planned each call; with the number in the text
 * it keeps the generic plan (measured on the list's count at 1,000,000 bookings: planning
 * 1.0 ms → 0.01 ms, execution unchanged). A whole number only, never text: nothing to inject.
 * Typed as a number for drizzle's `.limit()`, which writes an SQL chunk given in its place as is.
 */
export function limitInText(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`not a row limit: ${limit}`);
  return sql.raw(String(limit)) as unknown as number;
}

/**
 * A page's OFFSET as a one-row subquery, `offset (select $n::bigint)`, in a named statement: no plan
 * sees how far down the page is, so the kept (generic) plan and each call's own cost the skip alike.
 * Why: a generic plan costs a bare `offset $n` as a tenth of the rows it reads (as it does a
 * `limit $n`: limitInText), and each call's own plan, which saw page 2's 25, looked cheaper — so
 * PostgreSQL planned a bookings page after the first on every call, to the same walk of the same
 * index (page 200 of an insurer's list at 1,000,000 bookings: ≈ 1.3 ms of planning idle, ≈ 3 under
 * load, for ≈ 1.7 of execution; issue 14). Hidden alone, the generic plan was kept for 60 of 120
 * later-page shapes there (21 with the bare offset); with the page's other values hidden too
 * (textValuesHiddenFromPlanner), for all of them. Written as text instead (limitInText), each page
 * would be a statement of its own, planned on its first calls and taking a named slot of each
 * connection per page number. 0 writes no OFFSET (drizzle leaves it out), so the first page's text
 * has none. A whole number only.
 */
export function offsetHiddenFromPlanner(offset: number): number {
  if (!Number.isSafeInteger(offset) || offset < 0) throw new RangeError(`not a row offset: ${offset}`);
  // Typed as a number for drizzle's `.offset()`, which writes an SQL chunk given in its place as is.
  return (offset === 0 ? 0 : sql`(select ${offset}::bigint)`) as unknown as number;
}

/**
 * Every text value of a statement written as a one-row subquery, `(select $n::text)::text` — where a
 * named statement's plan must be the same whatever its values: no call's own plan then sees more
 * than the kept one does, so PostgreSQL keeps it after five calls. (The cast outside the parentheses
 * makes `in (…)` read it as a value: `in ((select $1::text))` is a subquery PostgreSQL joins and
 * flattens, and the plan saw the value again.) Values already hidden or typed (`$n::…`) and values
 * not text (arrays, numbers) are left as they are.
 * Why: a bookings page after the first costs the skip of its OFFSET by the rows the viewer's scope
 * holds (offsetHiddenFromPlanner), and a call's own plan that saw the organization or specialist
 * costed that scope by ANALYZE's sample of it — a little under the kept plan's 1/n for half of them
 * — judged itself cheaper and was made again on every call (issue 14). Not for the first page,
 * whose kept plan is not costed by the scope's size (its LIMIT is in the text): its text is as it was.
 */
export function textValuesHiddenFromPlanner<Query extends { sql: string; params: unknown[] }>(
  query: Query,
): Query {
  // Every value already hidden is typed inside its subquery (`(select $n::bigint)`), so "not
  // followed by a cast" is the whole test for a bare one.
  const sql = query.sql.replace(/\$(\d+)(?!\d|::)/g, (bare, n: string) =>
    typeof query.params[Number(n) - 1] === "string" ? `(select $${n}::text)::text` : bare,
  );
  return { ...query, sql };
}

/**
 * A value as a one-row subquery — `(select $n::timestamptz)` for an instant, `(select $n::date)`
 * for a day key (YYYY-MM-DD) — in a named statement whose plan must not depend on it. The planner
 * cannot look into the subquery, so each call's own plan judges a bound on it as the kept (generic)
 * plan does, which sees no values either, and PostgreSQL keeps that plan after five calls.
 *
 * Why: given the bare `$n`, each call's own plan saw the value and costed the walk by it, and where
 * that made it look cheaper than the kept plan's guess — a bound few rows pass, or many — PostgreSQL
 * planned the statement again on every call, to the same plan, the same index, the same entries
 * read (issue 14). Measured: the bookings list's tab counts, ≈ 0.8–1.2 ms of PostgreSQL's CPU a page
 * at 60,000 bookings (an owner, a referrer or a specialist with fewer upcoming bookings than the
 * tabs count to); the owner's overdue count and the specialist's owed reports at 1,000,000
 * (planning ≈ 0.8 ms a statement against ≈ 0.1 of execution).
 * Not for a value whose plan must differ by it (a search's pattern, a date range a person chose).
 */
export function hiddenFromPlanner(value: Date | string): SQL {
  if (value instanceof Date) return sql`(select ${value.toISOString()}::timestamptz)`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new RangeError(`not a day key: ${value}`);
  return sql`(select ${value}::date)`;
}
