import { readJobsConfig } from "@/lib/jobs/jobs-config";

/** Attempts before an event is left for an admin to replay. */
export const MAX_ATTEMPTS = 8;

/**
 * How long a claimed event is hidden from other workers; a crashed worker's events come back after
 * it. WEBHOOK_LEASE_SECONDS (60): longer than a batch takes, short enough that a dead worker's
 * events wait little.
 */
export const leaseSeconds = (): number => readJobsConfig().webhookLeaseSeconds;

/** Seconds until the next attempt after `attempts` failures: 5 s doubling to an hour, with jitter. */
export function retryDelaySeconds(attempts: number, random: () => number = Math.random): number {
  const base = Math.min(3600, 5 * 2 ** Math.max(0, attempts - 1));
  return Math.round(base * (0.8 + random() * 0.4));
}
