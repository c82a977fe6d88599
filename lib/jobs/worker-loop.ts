import type PgBoss from "pg-boss";
import { log, LOG_EVENTS } from "@/lib/log";
import type { JobWorker } from "./job-queue";

/**
 * One queue's worker in this process: fetch a batch (pg-boss `fetch`: SKIP LOCKED, so any number
 * of processes share a queue and each job goes to one of them), run it, complete or fail each job
 * on its own, and fetch again at once while batches come back full — a backlog drains at the
 * speed of the handlers, not one batch per poll. Only an empty or partial batch waits JOB_POLL_MS.
 *
 * pg-boss's own `work()` waits the polling interval after every batch, whatever it held; 2,000
 * queued e-mails then took 2000 / batch × poll seconds (bench/notifications.ts measured both).
 */
export class WorkerLoop {
  private stopping = false;
  private wake: (() => void) | null = null;
  private readonly held = new Set<string>();
  /** Settles when the loop has stopped: the batch in hand is finished (or the process gave up on it). */
  readonly done: Promise<void>;

  constructor(
    private readonly boss: PgBoss,
    private readonly worker: JobWorker,
    private readonly pollMs: number,
  ) {
    this.done = this.run();
  }

  /** Fetches nothing more; the batch in hand is finished. */
  stop(): void {
    this.stopping = true;
    this.wake?.();
  }

  get queue(): JobWorker["queue"] {
    return this.worker.queue;
  }

  /** Ids of jobs fetched and not yet completed or failed. */
  inHand(): string[] {
    return [...this.held];
  }

  private async run(): Promise<void> {
    const batchSize = this.worker.batchSize ?? 10;
    while (!this.stopping) {
      let jobs: PgBoss.JobWithMetadata[] = [];
      try {
        jobs = await this.boss.fetch(this.worker.queue, { batchSize, includeMetadata: true });
      } catch (error) {
        log.error(
          { event: LOG_EVENTS.jobEngineError, queue: this.worker.queue, err: error },
          "fetching jobs failed; trying again at the next poll",
        );
      }
      if (jobs.length > 0) await this.runBatch(jobs);
      if (jobs.length < batchSize) await this.pause();
    }
  }

  /** Up to `concurrency` jobs of the batch at once; each settles alone. */
  private async runBatch(jobs: PgBoss.JobWithMetadata[]): Promise<void> {
    for (const job of jobs) this.held.add(job.id);
    const waiting = [...jobs];
    const lane = async () => {
      for (let job = waiting.shift(); job; job = waiting.shift()) await this.runOne(job);
    };
    const lanes = Math.max(1, Math.min(this.worker.concurrency ?? 1, jobs.length));
    await Promise.all(Array.from({ length: lanes }, lane));
  }

  private async runOne(job: PgBoss.JobWithMetadata): Promise<void> {
    const { queue, handler } = this.worker;
    try {
      await handler(job.data as Record<string, unknown>, job);
      await this.boss.complete(queue, job.id);
    } catch (error) {
      log.warn(
        { event: LOG_EVENTS.jobFailed, queue, jobId: job.id, err: error },
        "a job failed; it will be retried",
      );
      // If even this fails (the database is gone), the job's lease runs out and it is retried then.
      await this.boss
        .fail(queue, job.id, { message: error instanceof Error ? error.message : String(error) })
        .catch((failError: unknown) =>
          log.error(
            { event: LOG_EVENTS.jobEngineError, queue, jobId: job.id, err: failError },
            "a failed job could not be recorded; it is retried when its lease runs out",
          ),
        );
    } finally {
      this.held.delete(job.id);
    }
  }

  private pause(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(finish, this.pollMs);
      function finish() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        finish();
      };
    });
  }
}
