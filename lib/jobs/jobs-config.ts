import { z } from "zod";

/**
 * The settings of the background jobs and of shutdown, read in one place (the configuration
 * module of lib/config takes them over). Read on each call, never at import time, so a test or a
 * command can set them first.
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

const whole = (fallback: number, min: number) => z.coerce.number().int().min(min).default(fallback);

const jobsEnvSchema = z.object({
  BACKGROUND_JOBS: z.enum(["on", "off"]).default("on"),
  WEBHOOK_LEASE_SECONDS: whole(60, 1),
  WEBHOOK_POLL_MS: whole(1000, 50),
  SHUTDOWN_GRACE_MS: whole(25_000, 0),
});

export function readJobsConfig(env: Record<string, string | undefined> = process.env): JobsConfig {
  // Empty strings from .env files mean "not set".
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = jobsEnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Background jobs are not configured: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  return {
    inProcess: e.BACKGROUND_JOBS === "on",
    webhookLeaseSeconds: e.WEBHOOK_LEASE_SECONDS,
    webhookPollMs: e.WEBHOOK_POLL_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
}
