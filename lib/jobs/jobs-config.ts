import { config } from "@/lib/config";

/**
 * The settings of the background jobs and of shutdown (declared in lib/config/variables.ts:
 * BACKGROUND_JOBS, WEBHOOK_LEASE_SECONDS, WEBHOOK_POLL_MS, SHUTDOWN_GRACE_MS). Read on each call,
 * never at import time, so a test or a command can set them first.
 */
export interface JobsConfig {
  /** Whether a web instance runs the background jobs in-process (`npm run worker` always runs them). */
  inProcess: boolean;
  /** How long a claimed webhook event is hidden from other workers; a dead worker's events come back after it. */
  webhookLeaseSeconds: number;
  /** How often an idle worker looks for due events it was not woken for (another instance's deliveries, retries). */
  webhookPollMs: number;
  /** How long a stopping process waits for in-flight requests and jobs before it exits anyway. */
  shutdownGraceMs: number;
}

export function readJobsConfig(): JobsConfig {
  const values = config();
  return {
    inProcess: values.BACKGROUND_JOBS,
    webhookLeaseSeconds: values.WEBHOOK_LEASE_SECONDS,
    webhookPollMs: values.WEBHOOK_POLL_MS,
    shutdownGraceMs: values.SHUTDOWN_GRACE_MS,
  };
}
