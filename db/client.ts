import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import { config } from "@/lib/config";
import { log, LOG_EVENTS } from "@/lib/log";
import { PortalClient } from "./connection-scope";
import * as schema from "./schema";

export type Database = NodePgDatabase<typeof schema>;
/** A transaction handle: what recordAudit and every multi-step write receive. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type DbOrTx = Database | Tx;

type Holder = { pool?: Pool };
// Next dev reloads modules; keep one pool per process instead of one per reload.
const holder = ((globalThis as Record<string, unknown>).__imePortalDb ??= {}) as Holder;

/**
 * The drizzle wrapper is this copy of the module's own, over the process's one pool. The portal
 * server, instrumentation and each of Next's bundle layers load their own copy of drizzle-orm and
 * of the schema; a wrapper made by another copy finds that none of this copy's columns is an
 * `instanceof` its Column and identifies each by walking its class chain (drizzle's is()): ≈ 4,000
 * such walks for a page of 100 bookings, 3% of the page's server CPU, when the wrapper was shared.
 */
let wrapper: { pool: Pool; db: Database } | undefined;

function databaseUrl(): string {
  const url = config().DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the portal with `npm run dev` (it serves an embedded Postgres) " +
        "or point DATABASE_URL at a Postgres server.",
    );
  }
  return url;
}

/** Opened on first use, never at import time, so `next build` touches no database. */
export function getPool(): Pool {
  if (!holder.pool) {
    holder.pool = new Pool({
      connectionString: databaseUrl(),
      max: config().DATABASE_POOL_MAX,
      // Holds each connection to a bound of named statements; past it they run unnamed
      // (db/named-statement.ts); opens it outside any request (db/connection-scope.ts).
      Client: PortalClient,
      // pg's default closes a connection idle for 10 s: someone reading a page between clicks then
      // got a new one — a new backend with cold catalog caches (a list statement planned in 9 ms
      // instead of 2) and none of the named statements prepared (db/named-statement.ts). A minute
      // keeps the pool warm through a person's pace and still lets a quiet server give it back.
      idleTimeoutMillis: 60_000,
      // ...without holding a finished script's process open for that minute.
      allowExitOnIdle: true,
    });
    // An idle connection the server ended (restart, failover, shutdown) is dropped by the pool;
    // without a listener its error would be an uncaught exception.
    holder.pool.on("error", (error) =>
      log.warn(
        { event: LOG_EVENTS.databaseConnectionLost, code: (error as { code?: string }).code ?? error.name },
        "an idle database connection was lost; the pool replaces it",
      ),
    );
  }
  return holder.pool;
}

export function getDb(): Database {
  const pool = getPool();
  if (wrapper?.pool !== pool) wrapper = { pool, db: drizzle(pool, { schema }) };
  return wrapper.db;
}

export async function closeDb(): Promise<void> {
  const pool = holder.pool;
  holder.pool = undefined;
  wrapper = undefined;
  await pool?.end();
}
