/**
 * One pool per process, one drizzle wrapper per copy of db/client.ts (db/client.ts says why: a
 * wrapper shared with another copy of drizzle-orm checks every column the slow way). A second copy
 * of the module — as Next's bundle layers and the portal server each load one — gets its own
 * wrapper over the same pool, and both answer. A pooled connection is opened outside the request
 * that asked for it (db/connection-scope.ts).
 */
import { sql } from "drizzle-orm";
import { Pool } from "pg";
import { describe, expect, it, vi } from "vitest";
import * as client from "@/db/client";
import { PortalClient } from "@/db/connection-scope";
import { config } from "@/lib/config";
import { currentLogContext, runWithLogContext, type LogContext } from "@/lib/log";

describe("the database client", () => {
  it("shares the process's pool but gives each copy of the module its own drizzle wrapper", async () => {
    const db = client.getDb();
    expect(client.getDb()).toBe(db);

    vi.resetModules();
    const secondCopy = await import("@/db/client");
    expect(secondCopy).not.toBe(client);
    expect(secondCopy.getPool()).toBe(client.getPool());
    const otherDb = secondCopy.getDb();
    expect(otherDb).not.toBe(db);
    expect(secondCopy.getDb()).toBe(otherDb);

    const answer = async (database: client.Database) =>
      (await database.execute<{ n: number }>(sql`select 41 + 1 as n`)).rows[0]?.n;
    expect(await answer(db)).toBe(42);
    expect(await answer(otherDb)).toBe(42);
  });

  it("opens a connection outside the request that asked for it: minutes later, its events carry nothing of that request", async () => {
    // A pool as db/client.ts makes it, of one connection, so the request below opens it.
    const pool = new Pool({ connectionString: config().DATABASE_URL, max: 1, Client: PortalClient });
    const contextsOfLostConnections: (LogContext | undefined)[] = [];
    pool.on("error", () => contextsOfLostConnections.push(currentLogContext()));
    try {
      const backend = await runWithLogContext(
        { requestId: "req-that-opened-it", route: "GET /bookings" },
        async () => {
          const { rows } = await pool.query<{ pid: number }>("select pg_backend_pid() as pid");
          // The answer still comes back to the request, in its context.
          expect(currentLogContext()?.requestId).toBe("req-that-opened-it");
          return rows[0]!.pid;
        },
      );

      // The idle connection is lost (a restart, a failover): the pool's warning is written in the
      // connection's context — it must not name a request that ended long before.
      await client.getPool().query("select pg_terminate_backend($1)", [backend]);
      await vi.waitFor(() => expect(contextsOfLostConnections).toHaveLength(1));
      expect(contextsOfLostConnections[0]).toBeUndefined();
    } finally {
      await pool.end();
    }
  });
});
