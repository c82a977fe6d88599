/**
 * Every background job of the portal, in one list: what `npm run worker` runs, and what a web
 * instance runs in-process unless BACKGROUND_JOBS=off (instrumentation.ts). Each job keeps its
 * state in the database and takes its work with SKIP LOCKED leases, so any number of processes
 * may run the list at once. Most work runs on the job engine (pg-boss: job-workers.ts lists its
 * queues and schedules); the webhook inbox keeps its own claim loop (ARCHITECTURE.md "Jobs" says why).
 */
import { startWebhookWorker, stopWebhookWorker } from "@/lib/acuity-sync/worker";
import { startAuditSealer, stopAuditSealer } from "@/lib/audit-seal/sealer-loop";
import { log, LOG_EVENTS } from "@/lib/log";
import { startFanOutLoop, stopFanOutLoop } from "@/lib/notifications/fan-out-loop";
import { startJobWorkers, stopJobWorkers } from "./job-queue";
import { JOB_WORKERS, jobSchedules } from "./job-workers";
import { readJobsConfig } from "./jobs-config";

export interface BackgroundJob {
  name: string;
  start: () => void;
  /** Takes no new work; resolves when the work in hand is finished or handed back. */
  stop: () => Promise<void>;
}

export const BACKGROUND_JOBS: readonly BackgroundJob[] = [
  {
    // Acuity's webhook inbox, and the cancels of Acuity appointments whose booking was given up.
    name: "webhook-inbox",
    start: startWebhookWorker,
    stop: stopWebhookWorker,
  },
  {
    // Notification events: readers and recipients worked out, in-app rows written, e-mails queued.
    name: "notification-fan-out",
    start: startFanOutLoop,
    stop: stopFanOutLoop,
  },
  {
    // The audit trail's seals: rows written since the last pass join the hash chain (AUDIT_SEALER).
    name: "audit-sealer",
    start: startAuditSealer,
    stop: stopAuditSealer,
  },
  {
    // E-mail delivery; the schedules: daily digests, the hourly upload cleanup.
    name: "job-engine",
    start: () => {
      startJobWorkers(JOB_WORKERS, jobSchedules()).catch((error: unknown) =>
        log.error({ event: LOG_EVENTS.jobEngineError, err: error }, "the job engine did not start"),
      );
    },
    stop: () => stopJobWorkers(readJobsConfig().shutdownGraceMs),
  },
];

export function startBackgroundJobs(): void {
  for (const job of BACKGROUND_JOBS) job.start();
}

/** Stops every job at once and waits for them all; a job that fails to stop does not hold up the others. */
export async function stopBackgroundJobs(): Promise<void> {
  await Promise.allSettled(BACKGROUND_JOBS.map((job) => job.stop()));
}
