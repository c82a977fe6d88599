/**
 * The job engine: pg-boss 10 on the portal's own Postgres (schema `pgboss`, installed by
 * db/migrate.ts). Why pg-boss, and what the spike against graphile-worker measured: ARCHITECTURE.md
 * "Jobs".
 *
 * - `enqueueJob(tx, …)` from anywhere: the job is a row written in the caller's transaction.
 * - `startJobWorkers()` (a BACKGROUND_JOBS entry) takes jobs with SKIP LOCKED — any number of
 *   processes may run it, each job runs once — and keeps the schedules. A job taken by a process
 *   that died comes back after JOB_LEASE_SECONDS (pg-boss's expiration, checked every
 *   maintenance pass) and is retried.
 */
import PgBoss from "pg-boss";
import type { DbOrTx } from "@/db/client";
import { config } from "@/lib/config";
import { log, LOG_EVENTS } from "@/lib/log";
import { drizzleExecutor } from "./drizzle-executor";
import type { QueueName } from "./queues";

export { QUEUE_NAMES, type QueueName } from "./queues";

type Holder = { boss?: PgBoss; starting?: Promise<PgBoss> };
// Next dev reloads modules; one engine per process, like the database pool.
const holder = ((globalThis as Record<string, unknown>).__imePortalJobs ??= {}) as Holder;

/** Options every pg-boss instance of the portal shares (the migrate step's too). */
export function bossOptions(databaseUrl: string): PgBoss.ConstructorOptions {
  return {
    connectionString: databaseUrl,
    application_name: "ime-portal-jobs",
    max: 4,
    // Expired leases (a dead worker's jobs) are found by maintenance: run it often enough that a
    // lease comes back soon after it ends.
    maintenanceIntervalSeconds: Math.max(1, Math.min(60, config().JOB_LEASE_SECONDS)),
  };
}

/** A pg-boss instance that is not started: enough to send jobs through a caller's transaction. */
function engine(): PgBoss {
  if (!holder.boss) {
    const url = config().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: the job engine lives in the portal's database.");
    holder.boss = new PgBoss(bossOptions(url));
    holder.boss.on("error", (error) =>
      log.error({ event: LOG_EVENTS.jobEngineError, err: error }, "the job engine reported an error"),
    );
  }
  return holder.boss;
}

export interface EnqueueOptions {
  /** Run no earlier than this. */
  startAfter?: Date;
  /** At most one queued job per key (pg-boss singletonKey). */
  singletonKey?: string;
}

/**
 * Adds a job in `db`'s transaction (or on its own when `db` is the pool). Nothing is sent until
 * that transaction commits; if it rolls back, the job never existed.
 */
export async function enqueueJob(
  db: DbOrTx,
  name: QueueName,
  data: Record<string, unknown>,
  options: EnqueueOptions = {},
): Promise<string | null> {
  return engine().send(name, data, { ...options, db: drizzleExecutor(db) });
}

/** `job.retryCount` / `job.retryLimit` tell a handler whether this is its last attempt. */
export type JobHandler = (data: Record<string, unknown>, job: PgBoss.JobWithMetadata) => Promise<void>;

export interface JobWorker {
  queue: QueueName;
  handler: JobHandler;
  /** How many jobs one fetch takes; they run one after another, each completed or failed alone. */
  batchSize?: number;
}

export interface JobSchedule {
  queue: QueueName;
  /** Cron, read in `tz`. */
  cron: string;
  tz: string;
}

/**
 * Starts the engine in this process: maintenance, the schedules, and a worker per entry. Each job
 * of a batch is completed or failed on its own, so one bad message does not retry its neighbours.
 */
export async function startJobWorkers(workers: readonly JobWorker[], schedules: readonly JobSchedule[]) {
  holder.starting ??= (async () => {
    const boss = engine();
    await boss.start();
    for (const schedule of schedules) {
      await boss.schedule(schedule.queue, schedule.cron, {}, { tz: schedule.tz });
    }
    const pollingIntervalSeconds = config().JOB_POLL_MS / 1000;
    for (const worker of workers) {
      await boss.work(
        worker.queue,
        { batchSize: worker.batchSize ?? 10, pollingIntervalSeconds, includeMetadata: true },
        async (jobs: PgBoss.JobWithMetadata[]) => {
          for (const job of jobs) {
            try {
              await worker.handler(job.data as Record<string, unknown>, job);
              await boss.complete(worker.queue, job.id);
            } catch (error) {
              log.warn(
                { event: LOG_EVENTS.jobFailed, queue: worker.queue, jobId: job.id, err: error },
                "a job failed; it will be retried",
              );
              await boss.fail(worker.queue, job.id, {
                message: error instanceof Error ? error.message : String(error),
              });
            }
          }
        },
      );
    }
    return boss;
  })();
  return holder.starting;
}

/** Takes no new jobs; waits up to `timeoutMs` for those in hand, then hands the rest back for retry. */
export async function stopJobWorkers(timeoutMs: number): Promise<void> {
  const starting = holder.starting;
  if (!starting) return;
  holder.starting = undefined;
  const boss = await starting.catch(() => null);
  holder.boss = undefined;
  await boss?.stop({ graceful: true, wait: true, timeout: Math.max(1000, timeoutMs) });
}
