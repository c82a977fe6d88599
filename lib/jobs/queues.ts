import type PgBoss from "pg-boss";
import { config } from "@/lib/config";

/**
 * Every queue of the job engine (pg-boss, see ARCHITECTURE.md "Jobs"), with its retry policy.
 * A queue must exist before a job is sent to it: db/migrate.ts creates them all, so any process
 * — a web instance with BACKGROUND_JOBS=off too — can enqueue inside its own transaction.
 */
export const QUEUE_NAMES = {
  /** One per outbox row: render, send over SMTP, record the outcome. */
  sendEmail: "email.send",
  /** Scheduled: the specialists' daily digest of reports owed. */
  reportsOwedDigest: "digest.reports-owed",
  /** Scheduled: the admins' daily digest of what needs a person. */
  attentionDigest: "digest.attention",
  /** Scheduled hourly: uploads never confirmed within a day. */
  uploadCleanup: "documents.cleanup",
  /** Scheduled daily: recompute the audit trail's seals; a failure is told to the admins. */
  auditVerify: "audit.verify",
  /** Scheduled every ten minutes: the kept booking counts per hour and stage, one row each (lib/homes/booking-hour-counts.ts). */
  hourCountsFold: "homes.fold-hour-counts",
} as const;
export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** Retries with exponential backoff from EMAIL_RETRY_DELAY_SECONDS; a lease of JOB_LEASE_SECONDS. */
export function queueOptions(name: QueueName): Omit<PgBoss.Queue, "name"> {
  const values = config();
  const lease = { expireInSeconds: values.JOB_LEASE_SECONDS };
  if (name === QUEUE_NAMES.sendEmail) {
    return {
      ...lease,
      retryLimit: values.EMAIL_RETRY_LIMIT,
      retryDelay: values.EMAIL_RETRY_DELAY_SECONDS,
      retryBackoff: true,
    };
  }
  // Schedules run again at their next time; a failed run is retried a couple of times meanwhile.
  return { ...lease, retryLimit: 2, retryDelay: 60 };
}

/** Creates or updates every queue (idempotent: createQueue of an existing one updates it). */
export async function ensureQueues(boss: PgBoss): Promise<void> {
  for (const name of Object.values(QUEUE_NAMES)) {
    const existing = await boss.getQueue(name);
    const options = { name, ...queueOptions(name) };
    if (existing) await boss.updateQueue(name, options);
    else await boss.createQueue(name, options);
  }
}
