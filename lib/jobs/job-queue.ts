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
import { ensureQueues, type QueueName } from "./queues";
import { ScheduleClock } from "./schedule-clock";
import { WorkerLoop } from "./worker-loop";

export { QUEUE_NAMES, type QueueName } from "./queues";

type Holder = { boss?: PgBoss; starting?: Promise<Running> };
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
    // The schedules run on the portal's own clock (schedule-clock.ts says why), not pg-boss's.
    schedule: false,
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

/**
 * Adds a job in `db`'s transaction (or on its own when `db` is the pool). Nothing is sent until
 * that transaction commits; if it rolls back, the job never existed.
 */
export async function enqueueJob(
  db: DbOrTx,
  name: QueueName,
  data: Record<string, unknown>,
): Promise<string | null> {
  return engine().send(name, data, { db: drizzleExecutor(db) });
}

/** `job.retryCount` / `job.retryLimit` tell a handler whether this is its last attempt. */
export type JobHandler = (data: Record<string, unknown>, job: PgBoss.JobWithMetadata) => Promise<void>;

export interface JobWorker {
  queue: QueueName;
  handler: JobHandler;
  /** How many jobs one fetch takes (default 10); each is completed or failed alone. */
  batchSize?: number;
  /** How many jobs of a batch run at once (default 1: one after another). */
  concurrency?: number;
}

export interface JobSchedule {
  queue: QueueName;
  /** Cron, read in `tz`. */
  cron: string;
  tz: string;
}

interface Running {
  boss: PgBoss;
  clock: ScheduleClock;
  loops: WorkerLoop[];
}

/**
 * Starts the engine in this process: maintenance (expired leases come back), the schedules' clock
 * (schedule-clock.ts), and a worker loop per entry (worker-loop.ts). Each job of a batch is
 * completed or failed on its own, so one bad message does not retry its neighbours.
 *
 * - The queues' retry and lease settings are brought in line with this process's configuration
 *   (JOB_LEASE_SECONDS, EMAIL_RETRY_*) — db:migrate wrote them once; a worker started with new
 *   values applies them to the jobs enqueued from then on.
 * - Every started engine runs the clock of `schedules` (this process's configuration: set it alike
 *   on every instance); a due time gets one job across all of them. Schedules an earlier version
 *   stored for pg-boss's own clock are removed, so no process still running one sends them too.
 */
export async function startJobWorkers(workers: readonly JobWorker[], schedules: readonly JobSchedule[]) {
  holder.starting ??= (async (): Promise<Running> => {
    const boss = engine();
    const clock = new ScheduleClock(boss, schedules);
    await boss.start();
    await ensureQueues(boss);
    for (const stored of await boss.getSchedules()) await boss.unschedule(stored.name);
    clock.start();
    const pollMs = config().JOB_POLL_MS;
    const loops = workers.map((worker) => new WorkerLoop(boss, worker, pollMs));
    return { boss, clock, loops };
  })();
  // A start that failed (the database was down) may be tried again by the next call.
  const starting = holder.starting;
  starting.catch(() => {
    if (holder.starting === starting) holder.starting = undefined;
  });
  return starting;
}

/**
 * Takes no new jobs; waits up to `timeoutMs` for those in hand, then hands the rest back for retry
 * (failed, so another process takes them after the queue's retry delay; a job whose handler ends
 * with the process anyway would otherwise wait out its lease).
 */
export async function stopJobWorkers(timeoutMs: number): Promise<void> {
  const starting = holder.starting;
  if (!starting) return;
  holder.starting = undefined;
  const running = await starting.catch(() => null);
  holder.boss = undefined;
  if (!running) return;
  const { boss, clock, loops } = running;
  await clock.stop();
  for (const loop of loops) loop.stop();
  let timer: NodeJS.Timeout | undefined;
  const finished = await Promise.race([
    Promise.all(loops.map((loop) => loop.done)).then(() => true),
    new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(1000, timeoutMs)))),
  ]);
  clearTimeout(timer);
  if (!finished) {
    for (const loop of loops) {
      for (const id of loop.inHand())
        await boss
          .fail(loop.queue, id, { message: "the worker stopped before this job finished" })
          .catch(() => {});
    }
  }
  await boss.stop({ graceful: false, wait: true });
}
