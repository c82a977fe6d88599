import { getDb } from "@/db/client";
import { logRedactedError } from "@/lib/errors/redact-error";
import { cleanupUnconfirmedUploads } from "./cleanup-unconfirmed-uploads";

const FIRST_RUN_MS = 5 * 60 * 1000;
const EVERY_MS = 60 * 60 * 1000;

const state = ((globalThis as Record<string, unknown>).__imeUploadCleanup ??= { timer: null }) as {
  timer: NodeJS.Timeout | null;
};

async function runOnce(): Promise<void> {
  try {
    const result = await cleanupUnconfirmedUploads(getDb());
    if (result.deleted > 0)
      console.log(`[documents:cleanup] deleted ${result.deleted} unconfirmed upload(s)`);
    for (const failure of result.failed) {
      console.error(
        `[documents:cleanup] could not delete pending upload ${failure.pendingUploadId}: ${failure.error}`,
      );
    }
  } catch (error) {
    logRedactedError("[documents:cleanup] run failed", error);
  }
}

/**
 * Deletes uploads never confirmed within a day, hourly, inside every app instance (the cleanup
 * locks each row with SKIP LOCKED, so instances never trip over each other), so abandoned
 * uploads go away without an outside scheduler. UPLOAD_CLEANUP=off leaves it to a cron job
 * running `npm run documents:cleanup` instead. The first run waits a few minutes so a starting
 * instance serves requests first. `run` is the cleanup pass (tests count the passes).
 */
export function startUploadCleanupSchedule(run: () => Promise<void> = runOnce): void {
  if (state.timer || process.env.UPLOAD_CLEANUP === "off") return;
  const loop = async () => {
    await run();
    // Stopped while the pass ran: do not come back.
    if (!state.timer) return;
    state.timer = setTimeout(loop, EVERY_MS);
    state.timer.unref();
  };
  state.timer = setTimeout(loop, FIRST_RUN_MS);
  state.timer.unref();
}

export function stopUploadCleanupSchedule(): void {
  if (state.timer) clearTimeout(state.timer);
  state.timer = null;
}
