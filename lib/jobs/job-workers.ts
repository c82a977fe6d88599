/**
 * What the job engine runs: a handler per queue, and the schedules. A new queue is declared in
 * queues.ts (name, retries) and handled here.
 */
import { deliverOutboxEmail } from "@/lib/email/deliver-email";
import { fanOutNotificationEvent } from "@/lib/notifications/fan-out";
import { runAsJob } from "@/lib/log";
import type { JobSchedule, JobWorker } from "./job-queue";
import { QUEUE_NAMES } from "./queues";

const idOf = (data: Record<string, unknown>, key: string): string => {
  const value = data[key];
  if (typeof value !== "string" || value === "") throw new Error(`job data has no ${key}`);
  return value;
};

export const JOB_WORKERS: readonly JobWorker[] = [
  {
    queue: QUEUE_NAMES.fanOut,
    handler: (data) =>
      runAsJob("notifications.fan-out", () => fanOutNotificationEvent(idOf(data, "eventId"))),
  },
  {
    queue: QUEUE_NAMES.sendEmail,
    handler: (data, job) =>
      runAsJob("email.send", () =>
        deliverOutboxEmail(idOf(data, "outboxId"), {
          jobId: job.id,
          lastAttempt: job.retryCount >= job.retryLimit,
        }),
      ),
  },
];

export function jobSchedules(): JobSchedule[] {
  return [];
}
