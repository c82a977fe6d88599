import { log, LOG_EVENTS } from "@/lib/log";
import type { CleanupResult } from "./cleanup-unconfirmed-uploads";

/** One error event per upload the cleanup could not delete (the schedule and the command alike). */
export function logCleanupFailures(failed: CleanupResult["failed"]): void {
  for (const failure of failed) {
    // `failure.error` is already redactError's text.
    log.error(
      {
        event: LOG_EVENTS.uploadCleanupFailed,
        pendingUploadId: failure.pendingUploadId,
        reason: failure.error,
      },
      "could not delete an unconfirmed upload; the next run tries again",
    );
  }
}
