/**
 * Runs once when a server instance starts: the webhook worker resumes whatever events are
 * due (retries survive restarts because their state is in the database), and the hourly
 * cleanup of abandoned uploads is scheduled.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.WEBHOOK_WORKER !== "off") {
    const { startWebhookWorker } = await import("./lib/acuity-sync/worker");
    startWebhookWorker();
  }
  const { startUploadCleanupSchedule } = await import("./lib/documents/cleanup-schedule");
  startUploadCleanupSchedule();
}
