import { config } from "@/lib/config";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { POSTGRES_DIR } from "./paths";
import { adoptRunningPortalEnv } from "./running-portal";
import { printLine } from "./terminal";

/**
 * Runs `work` with DATABASE_URL, or — when it is unset — with the database of the portal
 * running in this checkout (`npm run dev`), or else the embedded database, served for the
 * duration of the call. For one-shot commands (migrate, seed). The first line it prints says
 * which, so nobody migrates the embedded database believing it was their server.
 */
export async function withDatabaseUrl(command: string, work: (url: string) => Promise<void>): Promise<void> {
  const configured = config().DATABASE_URL;
  if (configured) {
    printLine(`[${command}] using DATABASE_URL (${describeServer(configured)})`);
    return work(configured);
  }
  const adopted = adoptRunningPortalEnv() ? config().DATABASE_URL : undefined;
  if (adopted) {
    printLine(
      `[${command}] DATABASE_URL is not set: using the embedded database of the portal running in this checkout`,
    );
    return work(adopted);
  }
  printLine(`[${command}] DATABASE_URL is not set: using the embedded database in .data/postgres`);
  const embedded = await startEmbeddedPostgres({ dataDir: POSTGRES_DIR, port: 0 });
  try {
    await work(embedded.url);
  } finally {
    await embedded.stop();
  }
}

/** host:port/database, never the password. */
export function describeServer(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "unparsable URL";
  }
}
