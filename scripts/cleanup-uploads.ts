/**
 * `npm run documents:cleanup` — deletes uploads that were signed but never confirmed and are
 * over a day old (objects, multipart parts, pending rows). Safe to run at any time and as
 * often as wanted; meant for a daily (or hourly) schedule, see README.md. Reads
 * DATABASE_URL and the S3_* variables like the portal.
 */
import { closeDb, getDb } from "@/db/client";
import { cleanupUnconfirmedUploads } from "@/lib/documents/cleanup-unconfirmed-uploads";
import { redactError } from "@/lib/errors/redact-error";
import { config } from "@/lib/config";
import { startCommand } from "@/services/start-command";
import { adoptRunningPortalEnv } from "@/services/running-portal";

// A running `npm run dev` here: its embedded database and local S3, unless DATABASE_URL/S3_* are set.
startCommand("documents:cleanup", { inProduction: ["DATABASE_URL", "S3_BUCKET"] });
if (!config().DATABASE_URL && adoptRunningPortalEnv()) {
  console.log(
    "[documents:cleanup] DATABASE_URL is not set: using the services of the portal running in this checkout",
  );
}

let exitCode = 0;
try {
  const result = await cleanupUnconfirmedUploads(getDb());
  console.log(`[documents:cleanup] deleted ${result.deleted} unconfirmed upload(s)`);
  for (const failure of result.failed) {
    console.error(
      `[documents:cleanup] could not delete pending upload ${failure.pendingUploadId}: ${failure.error}`,
    );
  }
  // Failures stay in the table and are retried next run; the exit code lets the scheduler alert.
  if (result.failed.length > 0) exitCode = 1;
} catch (error) {
  console.error(`[documents:cleanup] failed: ${redactError(error, { frames: 0 })}`);
  exitCode = 1;
} finally {
  await closeDb();
}
process.exit(exitCode);
