import { createHash } from "node:crypto";
import cronParser from "cron-parser";
import type PgBoss from "pg-boss";
import { log, LOG_EVENTS } from "@/lib/log";
import type { JobSchedule } from "./job-queue";

/**
 * The schedules' clock: every started engine checks each schedule every SCHEDULE_CHECK_MS and sends
 * the job of its latest due time, under an id made from the queue and that time. Whichever process
 * sends it first creates it; every other send of the same due time conflicts on pg-boss's primary
 * key and is dropped — so a due time gets one job however many processes check it, and when.
 *
 * Why not pg-boss's own clock: it creates the job when a check falls in the due minute, as a
 * singleton of the database's current minute. A check late in the due minute whose insert lands
 * in the next minute is a second singleton, and a second job (CI saw two digest jobs on a loaded
 * machine). It also missed a due time whose minute no process checked.
 *
 * A due time is sent for SCHEDULE_WINDOW_MS after it — several checks, so a process held up by load
 * or started a little late still sends it. The window stays far below pg-boss's archive delay
 * (12 h): a job's id is unique only while the job is in `pgboss.job`.
 */
export const SCHEDULE_CHECK_MS = 10_000;
export const SCHEDULE_WINDOW_MS = 120_000;

/** The schedule's latest due time at or before `now`. */
export function latestDueTime(schedule: JobSchedule, now: Date): Date {
  // cron-parser's prev() is strictly before its current date: start a millisecond later so a
  // check at the due instant itself sends it.
  const currentDate = new Date(now.getTime() + 1);
  return cronParser.parseExpression(schedule.cron, { tz: schedule.tz, currentDate }).prev().toDate();
}

/** The one job id of a schedule's due time: a UUID (pg-boss's id type) from a hash of both. */
export function scheduledJobId(queue: string, due: Date): string {
  const hex = createHash("sha256").update(`${queue}@${due.toISOString()}`).digest("hex");
  // Shaped as an RFC 9562 version 8 (custom) UUID: version nibble 8, variant bits 10.
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Throws what is wrong with a schedule's cron (read in its zone): checked when the engine starts. */
export function checkSchedule(schedule: JobSchedule): void {
  cronParser.parseExpression(schedule.cron, { tz: schedule.tz });
}

export class ScheduleClock {
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<unknown> | undefined;

  constructor(
    private readonly boss: PgBoss,
    private readonly schedules: readonly JobSchedule[],
  ) {
    for (const schedule of schedules) checkSchedule(schedule);
  }

  start(): void {
    const tick = () => {
      // A check still running (a slow database) is not doubled.
      this.checking ??= this.check().finally(() => (this.checking = undefined));
    };
    tick();
    this.timer = setInterval(tick, SCHEDULE_CHECK_MS);
    this.timer.unref();
  }

  /** No more checks; waits for the one running. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.checking;
  }

  /**
   * Sends each schedule's job if its latest due time is within the window of `now`. Returns the
   * queues whose job this call created (the others' existed already or are not due).
   */
  async check(now = new Date()): Promise<string[]> {
    const created: string[] = [];
    for (const schedule of this.schedules) {
      const due = latestDueTime(schedule, now);
      if (now.getTime() - due.getTime() > SCHEDULE_WINDOW_MS) continue;
      try {
        const id = scheduledJobId(schedule.queue, due);
        const sent = await this.boss.send(schedule.queue, { dueAt: due.toISOString() }, { id });
        if (sent) created.push(schedule.queue);
      } catch (error) {
        log.error(
          { event: LOG_EVENTS.jobEngineError, queue: schedule.queue, err: error },
          "sending a scheduled job failed; the next check tries again",
        );
      }
    }
    return created;
  }
}
