import type PgBoss from "pg-boss";
import type { DbOrTx } from "@/db/client";
import { runNamed } from "@/db/named-statement";

/**
 * pg-boss runs its SQL through a `Db` ({ executeSql(text, values) }). Handing it this wrapper of
 * a drizzle transaction makes `send()` part of that transaction: a rolled-back change enqueues
 * nothing, a committed one always has its job. (pg-boss 12 ships the same adapter as
 * `fromDrizzle`; it needs Node 22, the portal runs on 20.)
 *
 * pg-boss writes `$n` placeholders, as Postgres does, so its text goes to the connection as it is
 * — as a named prepared statement (db/named-statement.ts): its insert is one large statement, and
 * parsing and planning it on every enqueue was half of what an enqueue cost inside a booking's
 * transaction (1.0 ms → 0.5 ms over an empty transaction, bench/notifications.ts).
 */
export function drizzleExecutor(db: DbOrTx): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      return { rows: await runNamed(db, { sql: text, params: values }) };
    },
  };
}
