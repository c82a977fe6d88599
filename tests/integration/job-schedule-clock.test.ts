/**
 * The schedules' clock (lib/jobs/schedule-clock.ts) of two engines — two pg-boss instances with
 * pools of their own, as two worker processes have — on a database of its own, each check given
 * its time: a due time gets one job whichever engine checks it and when, within its window.
 *
 * The first case is the one CI caught with pg-boss's own clock: a check in the due minute's last
 * moment and one just after it (each a "singleton of its minute" there) made two digest jobs.
 */
import PgBoss from "pg-boss";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { bossOptions } from "@/lib/jobs/job-queue";
import { QUEUE_NAMES } from "@/lib/jobs/queues";
import { SCHEDULE_WINDOW_MS, ScheduleClock } from "@/lib/jobs/schedule-clock";
import { createJobsDatabase, type JobsDatabase } from "../support/jobs-database";

let jobs: JobsDatabase;
const engines: PgBoss[] = [];
let clockA: ScheduleClock;
let clockB: ScheduleClock;

// Both digests at 7:00 New York time (12:00 UTC in December), the cleanup hourly at :17 UTC.
const schedules = [
  { queue: QUEUE_NAMES.reportsOwedDigest, cron: "0 7 * * *", tz: "America/New_York" },
  { queue: QUEUE_NAMES.attentionDigest, cron: "0 7 * * *", tz: "America/New_York" },
  { queue: QUEUE_NAMES.uploadCleanup, cron: "17 * * * *", tz: "UTC" },
];
const due = new Date("2026-12-04T12:00:00.000Z");
const at = (msAfterDue: number) => new Date(due.getTime() + msAfterDue);

beforeAll(async () => {
  jobs = await createJobsDatabase("ime_schedule_clock");
  for (let i = 0; i < 2; i++) {
    // Maintenance off: these engines only send; nothing here should move a job's state.
    const boss = new PgBoss({ ...bossOptions(jobs.url), supervise: false });
    await boss.start();
    engines.push(boss);
  }
  clockA = new ScheduleClock(engines[0]!, schedules);
  clockB = new ScheduleClock(engines[1]!, schedules);
}, 120_000);
beforeEach(async () => {
  await jobs.pool.query("DELETE FROM pgboss.job WHERE name = ANY($1)", [schedules.map((s) => s.queue)]);
});
afterAll(async () => {
  // The drop below ends this database's connections WITH (FORCE); one of an engine's may still be
  // closing after stop() (pg's pool.end() resolves before its sockets close), and the engine
  // re-emits its termination as an 'error' — without a listener, an uncaught exception that failed
  // the whole run once in CI. Only the teardown's own termination is ignored.
  for (const boss of engines) boss.on("error", () => {});
  for (const boss of engines) await boss.stop({ graceful: false, wait: true });
  await jobs.drop();
});

const jobsOf = async (queue: string) =>
  (
    await jobs.pool.query<{ id: string; due: string }>(
      "SELECT id::text, data->>'dueAt' AS due FROM pgboss.job WHERE name = $1 ORDER BY data->>'dueAt'",
      [queue],
    )
  ).rows.map((row) => row.due);

describe("two engines' clocks", () => {
  it("create a due time's job once: a check at the end of its minute, one just after, and later ones", async () => {
    expect(await clockA.check(at(59_900))).toEqual([
      QUEUE_NAMES.reportsOwedDigest,
      QUEUE_NAMES.attentionDigest,
    ]);
    expect(await clockB.check(at(60_100))).toEqual([]);
    expect(await clockA.check(at(89_000))).toEqual([]);
    expect(await clockB.check(at(SCHEDULE_WINDOW_MS))).toEqual([]);
    expect(await jobsOf(QUEUE_NAMES.reportsOwedDigest)).toEqual([due.toISOString()]);
    expect(await jobsOf(QUEUE_NAMES.attentionDigest)).toEqual([due.toISOString()]);
  });

  it("create it once when both check at the same moment", async () => {
    const created = await Promise.all([clockA.check(at(1_000)), clockB.check(at(1_000))]);
    expect(created.flat().sort()).toEqual([QUEUE_NAMES.attentionDigest, QUEUE_NAMES.reportsOwedDigest]);
    expect(await jobsOf(QUEUE_NAMES.reportsOwedDigest)).toEqual([due.toISOString()]);
  });

  it("catch up a due time no engine checked in its minute, but not one past the window", async () => {
    // Both engines were down at 7:00 and one is back 90 s later: the digests still go out.
    expect(await clockB.check(at(90_000))).toEqual([
      QUEUE_NAMES.reportsOwedDigest,
      QUEUE_NAMES.attentionDigest,
    ]);
    // Past the window the day's digest is not sent late (the next one is tomorrow's).
    await jobs.pool.query("DELETE FROM pgboss.job WHERE name = ANY($1)", [schedules.map((s) => s.queue)]);
    expect(await clockA.check(at(SCHEDULE_WINDOW_MS + 1))).toEqual([]);
    expect(await jobsOf(QUEUE_NAMES.reportsOwedDigest)).toEqual([]);
  });

  it("give each due time its own job: tomorrow's digest, each hour's cleanup", async () => {
    const day = 86_400_000;
    await clockA.check(at(5_000));
    await clockB.check(at(day + 5_000));
    await clockA.check(at(day + 30_000));
    expect(await jobsOf(QUEUE_NAMES.reportsOwedDigest)).toEqual([
      due.toISOString(),
      new Date(due.getTime() + day).toISOString(),
    ]);
    // The cleanup at 12:17 and 13:17 UTC, each checked by both engines.
    for (const minute of [17, 77]) {
      await clockA.check(at(minute * 60_000 + 2_000));
      await clockB.check(at(minute * 60_000 + 3_000));
    }
    expect(await jobsOf(QUEUE_NAMES.uploadCleanup)).toEqual([
      "2026-12-04T12:17:00.000Z",
      "2026-12-04T13:17:00.000Z",
    ]);
  });
});
