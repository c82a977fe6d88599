/**
 * The job engine in this process (lib/jobs/job-queue.ts + worker-loop.ts) on a database of its
 * own: a backlog drains without waiting a poll between full batches, each job of a batch is
 * completed or failed alone, no schedule is left to pg-boss's own clock, the queues take this
 * process's lease and retry settings, and stopping waits for the job in hand. Real worker
 * processes (two at once, one killed, the SMTP server down) are in jobs-*.test.ts.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { enqueueJob, startJobWorkers, stopJobWorkers, type JobWorker } from "@/lib/jobs/job-queue";
import { jobSchedules } from "@/lib/jobs/job-workers";
import { QUEUE_NAMES } from "@/lib/jobs/queues";
import { createJobsDatabase, type JobsDatabase } from "../support/jobs-database";

let jobs: JobsDatabase;
beforeAll(async () => {
  jobs = await createJobsDatabase("ime_engine");
  // The engine of this process works on this file's database.
  process.env.DATABASE_URL = jobs.url;
}, 120_000);
afterEach(() => stopJobWorkers(1000));
afterAll(async () => {
  for (const name of ["JOB_POLL_MS", "JOB_LEASE_SECONDS"]) delete process.env[name];
  await jobs.drop();
});

const jobStates = async (queue: string) =>
  (
    await jobs.pool.query<{ state: string; n: number }>(
      "SELECT state::text, count(*)::int AS n FROM pgboss.job WHERE name = $1 GROUP BY state ORDER BY 1",
      [queue],
    )
  ).rows;

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("enqueueing", () => {
  it("is part of the caller's transaction: a rollback leaves no job, a commit exactly one", async () => {
    const marker = `tx-${Date.now()}`;
    await expect(
      jobs.db.transaction(async (tx) => {
        await enqueueJob(tx, QUEUE_NAMES.attentionDigest, { marker, outcome: "rolled back" });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    // The same statement again on the same connections (it is prepared once per connection).
    for (let i = 0; i < 3; i++)
      await jobs.db.transaction((tx) =>
        enqueueJob(tx, QUEUE_NAMES.attentionDigest, { marker, outcome: "committed", i }),
      );
    const { rows } = await jobs.pool.query<{ outcome: string }>(
      "SELECT data->>'outcome' AS outcome FROM pgboss.job WHERE name = $1 AND data->>'marker' = $2",
      [QUEUE_NAMES.attentionDigest, marker],
    );
    expect(rows.map((row) => row.outcome)).toEqual(["committed", "committed", "committed"]);
  });
});

describe("the job engine in one process", () => {
  it("drains a backlog batch after batch without waiting a poll between full ones; a failing job fails alone", async () => {
    // A poll so long that waiting for it even once would outlast the test: the backlog can only
    // drain if full batches are followed by another fetch at once.
    process.env.JOB_POLL_MS = "600000";
    process.env.JOB_LEASE_SECONDS = "30";
    for (let i = 0; i < 55; i++) await enqueueJob(jobs.db, QUEUE_NAMES.reportsOwedDigest, { n: i });
    const seen: number[] = [];
    const worker: JobWorker = {
      queue: QUEUE_NAMES.reportsOwedDigest,
      batchSize: 10,
      concurrency: 3,
      handler: (data) => {
        seen.push(data.n as number);
        return data.n === 7 ? Promise.reject(new Error("number seven always fails")) : Promise.resolve();
      },
    };
    await startJobWorkers([worker], []);
    // 55 jobs = five full batches and one of five; after that partial one it waits for the poll.
    await until(async () => seen.length >= 55, "55 jobs handled");
    await until(async () => {
      const states = await jobStates(QUEUE_NAMES.reportsOwedDigest);
      return states.find((s) => s.state === "completed")?.n === 54;
    }, "54 completions");
    expect(await jobStates(QUEUE_NAMES.reportsOwedDigest)).toEqual([
      { state: "completed", n: 54 },
      { state: "retry", n: 1 },
    ]);
    expect([...new Set(seen)].sort((a, b) => a - b)).toEqual(Array.from({ length: 55 }, (_, i) => i));
  });

  it("leaves pg-boss's own clock no schedule, and gives the queues this process's lease and retries", async () => {
    process.env.JOB_POLL_MS = "1000";
    process.env.JOB_LEASE_SECONDS = "17";
    process.env.EMAIL_RETRY_DELAY_SECONDS = "3";
    // What an earlier version stored for pg-boss's clock: any process still running that clock
    // would create these jobs beside the portal's clock's.
    await jobs.pool.query(
      `INSERT INTO pgboss.schedule (name, cron, timezone, data, options)
       VALUES ($1, '0 7 * * *', 'America/New_York', '{}', '{}'), ($2, '17 * * * *', 'UTC', '{}', '{}')`,
      [QUEUE_NAMES.reportsOwedDigest, QUEUE_NAMES.uploadCleanup],
    );
    await startJobWorkers([], jobSchedules());
    await stopJobWorkers(1000);
    // The clock's first check sends a schedule due in the last two minutes (the hourly cleanup,
    // now and then): not this file's jobs — the next test works that queue.
    await jobs.pool.query("DELETE FROM pgboss.job WHERE data ? 'dueAt'");
    const { rows: stored } = await jobs.pool.query("SELECT name FROM pgboss.schedule");
    expect(stored).toEqual([]);
    const { rows } = await jobs.pool.query(
      "SELECT expire_seconds, retry_delay FROM pgboss.queue WHERE name = $1",
      [QUEUE_NAMES.sendEmail],
    );
    expect(rows).toEqual([{ expire_seconds: 17, retry_delay: 3 }]);
    delete process.env.EMAIL_RETRY_DELAY_SECONDS;
  });

  it("stops taking jobs when told to, and waits for the one in hand", async () => {
    process.env.JOB_POLL_MS = "500";
    let finish: () => void = () => {};
    let started = 0;
    const worker: JobWorker = {
      queue: QUEUE_NAMES.uploadCleanup,
      batchSize: 1,
      handler: () => {
        started += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
    };
    await enqueueJob(jobs.db, QUEUE_NAMES.uploadCleanup, {});
    await enqueueJob(jobs.db, QUEUE_NAMES.uploadCleanup, {});
    await startJobWorkers([worker], []);
    await until(async () => started === 1, "the first job to start");
    const stopping = stopJobWorkers(30_000);
    setTimeout(() => finish(), 300);
    await stopping;
    expect(started).toBe(1);
    expect(await jobStates(QUEUE_NAMES.uploadCleanup)).toEqual([
      { state: "completed", n: 1 },
      { state: "created", n: 1 },
    ]);
  });
});
