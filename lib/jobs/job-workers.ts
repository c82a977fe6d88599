/**
 * What the job engine runs: a handler per queue, and the schedules. A new queue is declared in
 * queues.ts (name, retries) and handled here; a scheduled one also gets an entry in
 * `jobSchedules()`. Handlers must be safe to run twice (a retry, a lease that ran out): the
 * e-mail sender skips what is already sent, the digests skip whoever had one today, the cleanup
 * only deletes what is still unconfirmed.
 */
import { getDb } from "@/db/client";
import { runAuditVerification } from "@/lib/audit-seal/run-verification";
import { config } from "@/lib/config";
import { runUploadCleanupPass, UPLOAD_CLEANUP_CRON } from "@/lib/documents/cleanup-schedule";
import { deliverOutboxEmail } from "@/lib/email/deliver-email";
import { foldBookingHourCounts, HOUR_COUNTS_FOLD_CRON } from "@/lib/homes/booking-hour-counts";
import { log, LOG_EVENTS, runAsJob } from "@/lib/log";
import { sendAttentionDigests } from "@/lib/notifications/attention-digest";
import { sendReportsOwedDigests } from "@/lib/notifications/reports-owed-digest";
import type { JobSchedule, JobWorker } from "./job-queue";
import { QUEUE_NAMES } from "./queues";

const idOf = (data: Record<string, unknown>, key: string): string => {
  const value = data[key];
  if (typeof value !== "string" || value === "") throw new Error(`job data has no ${key}`);
  return value;
};

/** The time a scheduled job was due (schedule-clock.ts writes it); a job without one: its creation. */
const dueTimeOf = (data: Record<string, unknown>, job: { createdOn: Date }): Date => {
  const due = typeof data.dueAt === "string" ? new Date(data.dueAt) : null;
  return due && !Number.isNaN(due.getTime()) ? due : job.createdOn;
};

/** A digest run: who got one, logged; the digest's own rule keeps it to one per person per day. */
async function runDigest(
  name: string,
  send: typeof sendReportsOwedDigests,
  data: Record<string, unknown>,
  job: { createdOn: Date },
): Promise<void> {
  const { DIGEST_TIME_ZONE } = config();
  // The day is the one the schedule was due on, so a retry after midnight still counts as that day.
  const result = await send(getDb(), dueTimeOf(data, job), DIGEST_TIME_ZONE);
  log.info({ event: LOG_EVENTS.digestSent, digest: name, ...result }, "daily digest run finished");
}

export const JOB_WORKERS: readonly JobWorker[] = [
  {
    queue: QUEUE_NAMES.sendEmail,
    // Sending is mostly waiting for the SMTP server: a few at once keep a backlog moving
    // (bench/notifications.ts measured the throughput).
    batchSize: 20,
    concurrency: 5,
    handler: (data, job) =>
      runAsJob("email.send", () =>
        deliverOutboxEmail(idOf(data, "outboxId"), {
          jobId: job.id,
          lastAttempt: job.retryCount >= job.retryLimit,
        }),
      ),
  },
  {
    queue: QUEUE_NAMES.reportsOwedDigest,
    batchSize: 1,
    handler: (data, job) =>
      runAsJob("digest.reports-owed", () => runDigest("reports_owed", sendReportsOwedDigests, data, job)),
  },
  {
    queue: QUEUE_NAMES.attentionDigest,
    batchSize: 1,
    handler: (data, job) =>
      runAsJob("digest.attention", () => runDigest("attention", sendAttentionDigests, data, job)),
  },
  {
    queue: QUEUE_NAMES.uploadCleanup,
    batchSize: 1,
    handler: () => runAsJob("documents.cleanup", runUploadCleanupPass),
  },
  {
    // Read-only but for its result row (and an attention event when it fails): safe to run twice.
    queue: QUEUE_NAMES.auditVerify,
    batchSize: 1,
    handler: () =>
      runAsJob("audit.verify", async () => {
        await runAuditVerification(getDb(), "schedule");
      }),
  },
  {
    // One statement; rows appended meanwhile stay for the next fold: safe to run twice, or at once.
    queue: QUEUE_NAMES.hourCountsFold,
    batchSize: 1,
    handler: () =>
      runAsJob("homes.fold-hour-counts", async () => {
        await foldBookingHourCounts(getDb());
      }),
  },
];

/**
 * The schedules, read from the configuration on each start; every started engine's clock
 * (schedule-clock.ts) creates each due time's job once across every process. UPLOAD_CLEANUP=off
 * takes the cleanup off the schedule (cron runs `npm run documents:cleanup`): set it alike on
 * every instance.
 */
export function jobSchedules(): JobSchedule[] {
  const { DIGEST_CRON, DIGEST_TIME_ZONE, UPLOAD_CLEANUP } = config();
  const schedules: JobSchedule[] = [
    { queue: QUEUE_NAMES.reportsOwedDigest, cron: DIGEST_CRON, tz: DIGEST_TIME_ZONE },
    { queue: QUEUE_NAMES.attentionDigest, cron: DIGEST_CRON, tz: DIGEST_TIME_ZONE },
  ];
  if (UPLOAD_CLEANUP)
    schedules.push({ queue: QUEUE_NAMES.uploadCleanup, cron: UPLOAD_CLEANUP_CRON, tz: "UTC" });
  schedules.push({ queue: QUEUE_NAMES.auditVerify, cron: config().AUDIT_VERIFY_CRON, tz: "UTC" });
  schedules.push({ queue: QUEUE_NAMES.hourCountsFold, cron: HOUR_COUNTS_FOLD_CRON, tz: "UTC" });
  return schedules;
}
