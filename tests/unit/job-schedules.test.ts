/**
 * The job engine's schedules as the configuration makes them: the daily digests at DIGEST_CRON in
 * DIGEST_TIME_ZONE, the upload cleanup hourly unless UPLOAD_CLEANUP=off (then cron runs `npm run
 * documents:cleanup`), the audit trail's verification daily at AUDIT_VERIFY_CRON (UTC), the fold of the kept booking
 * counts every ten minutes; and the
 * clock's arithmetic — which due time a check sends, under which id. That each due time gets one
 * job across instances is tested on PostgreSQL (tests/integration/job-schedule-clock.test.ts) and
 * with real worker processes (jobs-schedule-once.test.ts); the cleanup pass in documents-cleanup.
 */
import { afterEach, describe, expect, it } from "vitest";
import { UPLOAD_CLEANUP_CRON } from "@/lib/documents/cleanup-schedule";
import { jobSchedules } from "@/lib/jobs/job-workers";
import { QUEUE_NAMES } from "@/lib/jobs/queues";
import { checkSchedule, latestDueTime, scheduledJobId } from "@/lib/jobs/schedule-clock";

const names = ["UPLOAD_CLEANUP", "DIGEST_CRON", "DIGEST_TIME_ZONE", "AUDIT_VERIFY_CRON"] as const;
afterEach(() => {
  for (const name of names) delete process.env[name];
});

describe("the job engine's schedules", () => {
  it("by default: both digests at 7:00 New York time, the upload cleanup hourly, the audit verification at 3:30 UTC, the fold every ten minutes", () => {
    expect(jobSchedules()).toEqual([
      { queue: QUEUE_NAMES.reportsOwedDigest, cron: "0 7 * * *", tz: "America/New_York" },
      { queue: QUEUE_NAMES.attentionDigest, cron: "0 7 * * *", tz: "America/New_York" },
      { queue: QUEUE_NAMES.uploadCleanup, cron: UPLOAD_CLEANUP_CRON, tz: "UTC" },
      { queue: QUEUE_NAMES.auditVerify, cron: "30 3 * * *", tz: "UTC" },
      { queue: QUEUE_NAMES.hourCountsFold, cron: "*/10 * * * *", tz: "UTC" },
    ]);
    // Once an hour: a fixed minute, every hour of every day.
    expect(UPLOAD_CLEANUP_CRON).toMatch(/^\d{1,2} \* \* \* \*$/);
  });

  it("reads the digests' time and zone from DIGEST_CRON and DIGEST_TIME_ZONE", () => {
    process.env.DIGEST_CRON = "30 6 * * 1-5";
    process.env.DIGEST_TIME_ZONE = "America/Los_Angeles";
    const digests = jobSchedules().filter(
      (s) => s.queue === QUEUE_NAMES.reportsOwedDigest || s.queue === QUEUE_NAMES.attentionDigest,
    );
    expect(digests.map((s) => [s.cron, s.tz])).toEqual([
      ["30 6 * * 1-5", "America/Los_Angeles"],
      ["30 6 * * 1-5", "America/Los_Angeles"],
    ]);
  });

  it("leaves the upload cleanup off the schedule with UPLOAD_CLEANUP=off (cron runs the command)", () => {
    process.env.UPLOAD_CLEANUP = "off";
    expect(jobSchedules().map((s) => s.queue)).not.toContain(QUEUE_NAMES.uploadCleanup);
  });

  it("moves the audit verification with AUDIT_VERIFY_CRON", () => {
    process.env.AUDIT_VERIFY_CRON = "0 2 * * 0";
    expect(jobSchedules().find((s) => s.queue === QUEUE_NAMES.auditVerify)).toEqual({
      queue: QUEUE_NAMES.auditVerify,
      cron: "0 2 * * 0",
      tz: "UTC",
    });
  });

  it("refuses a cron of the wrong shape or an unknown zone at start, naming the variable", () => {
    process.env.DIGEST_CRON = "every morning";
    expect(() => jobSchedules()).toThrow(/DIGEST_CRON/);
    // Five fields, but no 61st minute: refused here, not by the clock at its first check.
    process.env.DIGEST_CRON = "61 7 * * *";
    expect(() => jobSchedules()).toThrow(/DIGEST_CRON.*cron expression/);
    expect(() =>
      checkSchedule({ queue: QUEUE_NAMES.attentionDigest, cron: "61 7 * * *", tz: "UTC" }),
    ).toThrow();
    process.env.DIGEST_CRON = "0 7 * * *";
    process.env.DIGEST_TIME_ZONE = "Mars/Olympus_Mons";
    expect(() => jobSchedules()).toThrow(/DIGEST_TIME_ZONE/);
  });
});

describe("the schedules' clock", () => {
  const digest = { queue: QUEUE_NAMES.reportsOwedDigest, cron: "0 7 * * *", tz: "America/New_York" };

  it("sends the latest due time, read in the schedule's zone, from its first instant to the next due time", () => {
    // 7:00 in New York is 12:00 UTC in winter and 11:00 UTC in summer.
    const winterDue = new Date("2026-12-04T12:00:00.000Z");
    expect(latestDueTime(digest, winterDue)).toEqual(winterDue);
    expect(latestDueTime(digest, new Date("2026-12-04T12:00:59.999Z"))).toEqual(winterDue);
    expect(latestDueTime(digest, new Date("2026-12-05T11:59:59.999Z"))).toEqual(winterDue);
    expect(latestDueTime(digest, new Date("2026-12-04T11:59:59.999Z"))).toEqual(
      new Date("2026-12-03T12:00:00.000Z"),
    );
    expect(latestDueTime(digest, new Date("2026-07-01T11:00:30.000Z"))).toEqual(
      new Date("2026-07-01T11:00:00.000Z"),
    );
  });

  it("names each due time's job with one UUID: the same for every process, another for another time or queue", () => {
    const due = new Date("2026-12-04T12:00:00.000Z");
    const id = scheduledJobId(digest.queue, due);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(scheduledJobId(digest.queue, new Date(due.getTime()))).toBe(id);
    expect(scheduledJobId(digest.queue, new Date("2026-12-05T12:00:00.000Z"))).not.toBe(id);
    expect(scheduledJobId(QUEUE_NAMES.attentionDigest, due)).not.toBe(id);
  });
});
