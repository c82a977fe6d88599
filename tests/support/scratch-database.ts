import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { startEmbeddedPostgres } from "@/services/embedded-postgres";

export interface ScratchDatabase {
  url: string;
  drop: () => Promise<void>;
}

/** A brand-new empty database, dropped by `drop()`; a throw-away embedded server without DATABASE_URL. */
export async function createScratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres({ dataDir: null, port: 0 });
    return { url: embedded.url, drop: embedded.stop };
  }
  const name = `${prefix}_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
