import { getDb } from "@/db/client";
import { log, LOG_EVENTS } from "@/lib/log";
import { cleanupUnconfirmedUploads } from "./cleanup-unconfirmed-uploads";
import { logCleanupFailures } from "./log-cleanup-failures";

/**
 * Hourly, at 17 past (off the hour, when other schedules tend to run), on the job engine: one run
 * per hour across every instance (lib/jobs/job-workers.ts schedules it; pg-boss creates the job
 * once per due time). UPLOAD_CLEANUP=off removes the schedule; a cron job then runs `npm run
 * documents:cleanup`, the same pass.
 */
export const UPLOAD_CLEANUP_CRON = "17 * * * *";

/**
 * One pass of the cleanup of uploads never confirmed within a day, as the scheduled job runs it.
 * Uploads it could not delete are logged and retried next hour; a pass that fails as a whole
 * (the database gone) throws, so the job engine retries it.
 */
export async function runUploadCleanupPass(): Promise<void> {
  try {
    const result = await cleanupUnconfirmedUploads(getDb());
    if (result.deleted > 0)
      log.info(
        { event: LOG_EVENTS.uploadCleanupDeleted, deleted: result.deleted },
        "deleted unconfirmed uploads",
      );
    logCleanupFailures(result.failed);
  } catch (error) {
    log.error({ event: LOG_EVENTS.uploadCleanupFailed, err: error }, "an upload cleanup run failed");
    throw error;
  }
}
