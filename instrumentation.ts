/**
 * Runs once when a server instance starts: the webhook worker resumes whatever events are
 * due (retries survive restarts because their state is in the database).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build" || process.env.WEBHOOK_WORKER === "off") return;
  const { startWebhookWorker } = await import("./lib/acuity-sync/worker");
  startWebhookWorker();
}
