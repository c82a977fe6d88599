import { createHash } from "node:crypto";
import type PgBoss from "pg-boss";
import type { DbOrTx } from "@/db/client";

/** One name per statement text: the same text always gets the same name, on every connection. */
const names = new Map<string, string>();
const statementName = (text: string) => {
  let name = names.get(text);
  if (!name) {
    name = `pgboss_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
};

/**
 * pg-boss runs its SQL through a `Db` ({ executeSql(text, values) }). Handing it this wrapper of
 * a drizzle transaction makes `send()` part of that transaction: a rolled-back change enqueues
 * nothing, a committed one always has its job. (pg-boss 12 ships the same adapter as
 * `fromDrizzle`; it needs Node 22, the portal runs on 20.)
 *
 * pg-boss writes `$n` placeholders, as Postgres does, so its text goes to the connection as it is
 * — as a named prepared statement: its insert is one large statement, and parsing and planning it
 * on every enqueue was half of what an enqueue cost inside a booking's transaction (1.0 ms → 0.5 ms
 * over an empty transaction, bench/notifications.ts). Each connection prepares it once. (Behind a
 * transaction-mode pooler this needs one that keeps prepared statements: PgBouncer ≥ 1.21 with
 * max_prepared_statements set.)
 */
export function drizzleExecutor(db: DbOrTx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const prepared = db._.session.prepareQuery<{
        execute: { rows: unknown[] };
        all: unknown[];
        values: unknown[][];
      }>({ sql: text, params: values }, undefined, statementName(text), false);
      const result = await prepared.execute();
      return { rows: result.rows };
    },
  };
}
