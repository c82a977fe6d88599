import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { log, LOG_EVENTS, runAsJob } from "@/lib/log";
import { cleanupUnconfirmedUploads } from "./cleanup-unconfirmed-uploads";
import { logCleanupFailures } from "./log-cleanup-failures";

const FIRST_RUN_MS = 5 * 60 * 1000;
const EVERY_MS = 60 * 60 * 1000;

const state = ((globalThis as Record<string, unknown>).__imeUploadCleanup ??= { timer: null }) as {
  timer: NodeJS.Timeout | null;
};

const runOnce = (): Promise<void> =>
  runAsJob("documents.cleanup", async () => {
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
    }
  });

/**
 * Deletes uploads never confirmed within a day, hourly, inside every app instance (the cleanup
 * locks each row with SKIP LOCKED, so instances never trip over each other), so abandoned
 * uploads go away without an outside scheduler. UPLOAD_CLEANUP=off leaves it to a cron job
 * running `npm run documents:cleanup` instead. The first run waits a few minutes so a starting
 * instance serves requests first. `run` is the cleanup pass (tests count the passes).
 */
export function startUploadCleanupSchedule(run: () => Promise<void> = runOnce): void {
  if (state.timer || !config().UPLOAD_CLEANUP) return;
  const loop = async () => {
    await run();
    // Stopped while the pass ran: do not come back.
    if (!state.timer) return;
    state.timer = setTimeout(tick, EVERY_MS);
    state.timer.unref();
  };
  // A timer ignores what its callback returns, so the pass is fire-and-forget on purpose:
  // runOnce settles its own failures (it logs them), so a failed pass still schedules the next.
  const tick = () => void loop();
  state.timer = setTimeout(tick, FIRST_RUN_MS);
  state.timer.unref();
}

export function stopUploadCleanupSchedule(): void {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
}
