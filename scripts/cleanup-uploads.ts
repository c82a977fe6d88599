/**
 * `npm run documents:cleanup` — deletes uploads that were signed but never confirmed and are
 * over a day old (objects, multipart parts, pending rows). Safe to run at any time and as
 * often as wanted; meant for a daily (or hourly) schedule, see README.md. Reads
 * DATABASE_URL and the S3_* variables like the portal.
 */
import { closeDb, getDb } from "@/db/client";
import { cleanupUnconfirmedUploads } from "@/lib/documents/cleanup-unconfirmed-uploads";
import { logCleanupFailures } from "@/lib/documents/log-cleanup-failures";
import { log, LOG_EVENTS, runAsJob } from "@/lib/log";
import { config } from "@/lib/config";
import { startCommand } from "@/services/start-command";
import { adoptRunningPortalEnv } from "@/services/running-portal";
import { printLine } from "@/services/terminal";

// A running `npm run dev` here: its embedded database and local S3, unless DATABASE_URL/S3_* are set.
startCommand("documents:cleanup", { inProduction: ["DATABASE_URL", "S3_BUCKET"] });
if (!config().DATABASE_URL && adoptRunningPortalEnv()) {
  printLine(
    "[documents:cleanup] DATABASE_URL is not set: using the services of the portal running in this checkout",
  );
}

// The summary is the command's output; each failure is also a log event (job documents.cleanup).
const exitCode = await runAsJob("documents.cleanup", async () => {
  try {
    const result = await cleanupUnconfirmedUploads(getDb());
    printLine(`[documents:cleanup] deleted ${result.deleted} unconfirmed upload(s)`);
    logCleanupFailures(result.failed);
    // Failures stay in the table and are retried next run; the exit code lets the scheduler alert.
    return result.failed.length > 0 ? 1 : 0;
  } catch (error) {
    log.error({ event: LOG_EVENTS.uploadCleanupFailed, err: error }, "the upload cleanup failed");
    return 1;
  } finally {
    await closeDb();
  }
});
process.exit(exitCode);
