/**
 * Runs once when a server instance starts: unless BACKGROUND_JOBS=off (web instances beside a
 * separate `npm run worker`), the background jobs of lib/jobs/background-jobs.ts run in this
 * process — the webhook worker resumes whatever events are due (retries survive restarts because
 * their state is in the database), and the hourly cleanup of abandoned uploads is scheduled.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { readJobsConfig } = await import("./lib/jobs/jobs-config");
  if (!readJobsConfig().inProcess) return;
  const { startBackgroundJobs } = await import("./lib/jobs/background-jobs");
  startBackgroundJobs();
}
