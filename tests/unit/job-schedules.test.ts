/**
 * The job engine's schedules as the configuration makes them: the daily digests at DIGEST_CRON in
 * DIGEST_TIME_ZONE, the upload cleanup hourly unless UPLOAD_CLEANUP=off (then cron runs `npm run
 * documents:cleanup`), the audit trail's verification daily at AUDIT_VERIFY_CRON (UTC). That each runs once per due time across instances is tested against real
 * worker processes (tests/integration/jobs-schedule-once.test.ts); the cleanup pass itself in
 * documents-cleanup.
 */
import { afterEach, describe, expect, it } from "vitest";
import { UPLOAD_CLEANUP_CRON } from "@/lib/documents/cleanup-schedule";
import { jobSchedules } from "@/lib/jobs/job-workers";
import { QUEUE_NAMES } from "@/lib/jobs/queues";

const names = ["UPLOAD_CLEANUP", "DIGEST_CRON", "DIGEST_TIME_ZONE", "AUDIT_VERIFY_CRON"] as const;
afterEach(() => {
  for (const name of names) delete process.env[name];
});

describe("the job engine's schedules", () => {
  it("by default: both digests at 7:00 New York time, the upload cleanup hourly, the audit verification at 3:30 UTC", () => {
    expect(jobSchedules()).toEqual([
      { queue: QUEUE_NAMES.reportsOwedDigest, cron: "0 7 * * *", tz: "America/New_York" },
      { queue: QUEUE_NAMES.attentionDigest, cron: "0 7 * * *", tz: "America/New_York" },
      { queue: QUEUE_NAMES.uploadCleanup, cron: UPLOAD_CLEANUP_CRON, tz: "UTC" },
      { queue: QUEUE_NAMES.auditVerify, cron: "30 3 * * *", tz: "UTC" },
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
    process.env.DIGEST_CRON = "0 7 * * *";
    process.env.DIGEST_TIME_ZONE = "Mars/Olympus_Mons";
    expect(() => jobSchedules()).toThrow(/DIGEST_TIME_ZONE/);
  });
});
