import { startEmbeddedPostgres } from "./embedded-postgres";
import { PGLITE_DIR } from "./paths";
import { adoptRunningPortalEnv } from "./running-portal";

/**
 * Runs `work` with DATABASE_URL, or — when it is unset — with the embedded database,
 * served for the duration of the call — or, while `npm run dev` runs in this checkout and owns
 * that database, through the running portal's server. For one-shot scripts (migrate, seed).
 */
export async function withDatabaseUrl(work: (url: string) => Promise<void>): Promise<void> {
  if (!process.env.DATABASE_URL) adoptRunningPortalEnv();
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const embedded = await startEmbeddedPostgres({ dataDir: PGLITE_DIR, port: 0 });
  try {
    await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}
