import { startEmbeddedPostgres } from "./embedded-postgres";
import { PGLITE_DIR } from "./paths";

/**
 * Runs `work` with DATABASE_URL, or — when it is unset — with the embedded database,
 * served for the duration of the call. For one-shot scripts (migrate, seed); it fails
 * clearly when a running portal already owns the embedded database.
 */
export async function withDatabaseUrl(work: (url: string) => Promise<void>): Promise<void> {
  if (process.env.DATABASE_URL) return work(process.env.DATABASE_URL);
  const embedded = await startEmbeddedPostgres({ dataDir: PGLITE_DIR, port: 0 });
  try {
    await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}
