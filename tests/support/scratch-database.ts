import { randomBytes } from "node:crypto";
import { Client, Pool, type PoolConfig } from "pg";
import { startEmbeddedPostgres } from "@/services/embedded-postgres";

export interface ScratchDatabase {
  url: string;
  /**
   * A pool on this database, ended by `drop()`. Use it rather than a `new Pool` of your own:
   * pool.end() resolves before its sockets close, and the drop (DROP DATABASE … WITH (FORCE), or
   * the embedded server stopping) then terminates them — a pool re-emits that as an 'error', which
   * without a listener is an uncaught exception failing the whole run. These pools listen.
   */
  pool: (max?: number, options?: Omit<PoolConfig, "connectionString" | "max">) => Pool;
  drop: () => Promise<void>;
}

function withPools(url: string, dropDatabase: () => Promise<void>): ScratchDatabase {
  const pools: Pool[] = [];
  return {
    url,
    pool: (max = 4, options = {}) => {
      const pool = new Pool({ ...options, connectionString: url, max });
      pool.on("error", () => {});
      pools.push(pool);
      return pool;
    },
    drop: async () => {
      await Promise.all(pools.map((pool) => pool.end().catch(() => {})));
      await dropDatabase();
    },
  };
}

/** A brand-new empty database, dropped by `drop()`; a throw-away embedded server without DATABASE_URL. */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: null, port: 0 });
    return withPools(embedded.url, embedded.stop);
  }
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return withPools(url.toString(), async () => {
    const client = new Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.end();
  });
}
