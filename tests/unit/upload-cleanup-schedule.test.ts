/**
 * The in-process schedule of the unconfirmed-upload cleanup (the cleanup pass itself is tested
 * against Postgres and the local S3 in documents-cleanup): when passes run, that one instance
 * never runs two schedules, and that UPLOAD_CLEANUP=off hands the job to cron.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startUploadCleanupSchedule, stopUploadCleanupSchedule } from "@/lib/documents/cleanup-schedule";

const MINUTE = 60_000;

beforeEach(() => {
  vi.useFakeTimers();
  delete process.env.UPLOAD_CLEANUP;
});
afterEach(() => {
  stopUploadCleanupSchedule();
  vi.useRealTimers();
  delete process.env.UPLOAD_CLEANUP;
});

describe("the hourly upload cleanup", () => {
  it("first runs five minutes after start, then every hour", async () => {
    const pass = vi.fn(async () => {});
    startUploadCleanupSchedule(pass);
    await vi.advanceTimersByTimeAsync(5 * MINUTE - 1);
    expect(pass).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(pass).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(pass).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(3 * 60 * MINUTE);
    expect(pass).toHaveBeenCalledTimes(5);
  });

  it("waits for a slow pass before counting the next hour, so passes never overlap", async () => {
    let finish: () => void = () => {};
    const pass = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    startUploadCleanupSchedule(pass);
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    await vi.advanceTimersByTimeAsync(3 * 60 * MINUTE); // the first pass is still running
    expect(pass).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(pass).toHaveBeenCalledTimes(2);
  });

  it("runs one schedule per process however often it is started", async () => {
    const pass = vi.fn(async () => {});
    startUploadCleanupSchedule(pass);
    startUploadCleanupSchedule(pass);
    await vi.advanceTimersByTimeAsync(65 * MINUTE);
    expect(pass).toHaveBeenCalledTimes(2);
  });

  it("does nothing with UPLOAD_CLEANUP=off (cron runs npm run documents:cleanup instead)", async () => {
    process.env.UPLOAD_CLEANUP = "off";
    const pass = vi.fn(async () => {});
    startUploadCleanupSchedule(pass);
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    expect(pass).not.toHaveBeenCalled();
  });
});
