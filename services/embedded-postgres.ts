/**
 * The embedded default database: PGlite (Postgres compiled to WASM) with its data under
 * .data/, served over the Postgres wire protocol so the app uses the same `pg` driver as in
 * production. PGlite takes no lock on its directory and two owners silently lose writes,
 * so a pid lock file makes this process the only owner.
 */
import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { processIsAlive } from "./process-alive";

export interface EmbeddedPostgres {
  url: string;
  stop: () => Promise<void>;
}

/** Takes `<dir>.lock` exclusively; a lock left by a dead process is taken over. */
export function acquireDirectoryLock(dataDir: string): () => void {
  const lockFile = `${dataDir}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => fs.rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockFile, "utf8").trim());
      if (owner && owner !== process.pid && processIsAlive(owner)) {
        throw new Error(
          `The embedded database ${dataDir} is already in use by process ${owner}. ` +
            "Stop that portal first (two owners would silently lose writes).",
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

export async function startEmbeddedPostgres(options: {
  dataDir: string | null; // null: in memory (tests)
  port: number;
}): Promise<EmbeddedPostgres> {
  let release = () => {};
  if (options.dataDir) {
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    release = acquireDirectoryLock(options.dataDir);
    fs.mkdirSync(options.dataDir, { recursive: true });
  }
  try {
    const db = await PGlite.create(options.dataDir ?? undefined, { extensions: { pg_trgm } });
    await db.exec("CREATE EXTENSION IF NOT EXISTS pg_trgm");
    // maxConnections must cover every pool that connects (app, scripts, tests).
    const server = new PGLiteSocketServer({ db, port: options.port, host: "127.0.0.1", maxConnections: 100 });
    await server.start();
    const port = Number(server.getServerConn().split(":").pop());
    return {
      url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
      stop: async () => {
        await server.stop();
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
