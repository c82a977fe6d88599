/**
 * Runs once when a server instance starts: unless BACKGROUND_JOBS=off (web instances beside a
 * separate `npm run worker`), the background jobs of lib/jobs/background-jobs.ts run in this
 * process — the webhook worker resumes whatever events are due (retries survive restarts because
 * their state is in the database), and the hourly cleanup of abandoned uploads is scheduled.
 */
export async function register() {
  // Literal on purpose: Next replaces process.env.NEXT_RUNTIME at build time, so the edge bundle
  // drops everything below (a call into lib/config would keep the Node-only imports in it).
  // eslint-disable-next-line no-restricted-properties
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { isNextBuildPhase } = await import("./lib/config/environment");
  if (isNextBuildPhase()) return;
  // A production start with a missing or malformed variable stops here, listing all of them.
  const { checkConfigAtStartup, PORTAL_PRODUCTION_REQUIREMENTS } = await import("./lib/config/startup");
  checkConfigAtStartup("portal", { inProduction: PORTAL_PRODUCTION_REQUIREMENTS });
  const { readJobsConfig } = await import("./lib/jobs/jobs-config");
  if (!readJobsConfig().inProcess) return;
  const { startBackgroundJobs } = await import("./lib/jobs/background-jobs");
  startBackgroundJobs();
}
