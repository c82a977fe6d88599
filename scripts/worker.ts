/**
 * `npm run worker` — the worker tier: every background job of lib/jobs/background-jobs.ts (the
 * Acuity webhook inbox and the cancels of abandoned Acuity appointments; the job engine:
 * notifications, e-mail delivery, the daily digests, the hourly upload cleanup) without serving
 * HTTP. Run one or more beside web instances started with BACKGROUND_JOBS=off; jobs take their
 * work with SKIP LOCKED leases, so workers never double up. Reads the portal's configuration
 * (DATABASE_URL, S3_*, ACUITY_*, SMTP_URL) the way the portal does.
 *
 * SIGTERM / SIGINT: claims nothing more, finishes the appointments it has started and releases the
 * claims it has not (another worker takes them at once), within SHUTDOWN_GRACE_MS; closes the
 * database pool; exits 0. Killed outright, its claims come back after WEBHOOK_LEASE_SECONDS, its
 * jobs after JOB_LEASE_SECONDS.
 */
import { closeDb } from "@/db/client";
import { config } from "@/lib/config";
import { log } from "@/lib/log";
import { startBackgroundJobs, stopBackgroundJobs, BACKGROUND_JOBS } from "@/lib/jobs/background-jobs";
import { readJobsConfig } from "@/lib/jobs/jobs-config";
import { onShutdownSignal } from "@/services/graceful-shutdown";
import { adoptRunningPortalEnv } from "@/services/running-portal";
import { startCommand } from "@/services/start-command";
import { printProblem } from "@/services/terminal";

// In production a missing or malformed variable stops it here, listing all of them: the worker
// needs the database, Acuity (the inbox, the cancels) and the bucket (the upload cleanup).
startCommand("worker", {
  inProduction: ["DATABASE_URL", "ACUITY_USER_ID", "ACUITY_API_KEY", "S3_BUCKET"],
});
// Its own lines name the process; each job's lines name the job (lib/jobs runs them as jobs).
const workerLog = log.child({ job: "worker" });
// A running `npm run dev` here: its embedded database and local S3, unless DATABASE_URL/S3_* are set.
if (!config().DATABASE_URL && adoptRunningPortalEnv())
  workerLog.info("DATABASE_URL is not set: using the services of the portal running in this checkout");
if (!config().DATABASE_URL) {
  printProblem("[worker] DATABASE_URL is not set: point it at the portal's database.");
  process.exit(2);
}
// The worker writes audit rows (webhook changes, digests), each with a MAC keyed from one of these.
if (!config().AUDIT_SEAL_KEY && !config().BETTER_AUTH_SECRET) {
  printProblem(
    "[worker] set AUDIT_SEAL_KEY or BETTER_AUTH_SECRET as the portal has it: audit rows are sealed with a key derived from it.",
  );
  process.exit(2);
}

const { shutdownGraceMs } = readJobsConfig();
onShutdownSignal(async (reason) => {
  workerLog.info({ reason }, "stopping: finishing the work in hand");
  await stopBackgroundJobs();
  await closeDb().catch(() => {});
  workerLog.info("stopped");
}, shutdownGraceMs);

startBackgroundJobs();
workerLog.info({ jobs: BACKGROUND_JOBS.map((job) => job.name) }, "running");
