/**
 * The fan-out loop on a database of its own (it takes every pending event of its database; on the
 * run's shared one it would fan out other files' events while they arrange them): a recorded event
 * is the loop's queue entry — fanned out once, marked, never again — and a failing one is put back
 * with a growing wait while the others go ahead.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb } from "@/db/client";
import { recordNotificationEvent } from "@/lib/notifications/record-event";
import {
  drainPendingNotificationEvents,
  startFanOutLoop,
  stopFanOutLoop,
} from "@/lib/notifications/fan-out-loop";
import { createJobsDatabase, type JobsDatabase } from "../support/jobs-database";

let jobs: JobsDatabase;
const adminId = "fanout-loop-admin";
beforeAll(async () => {
  jobs = await createJobsDatabase("ime_fanout");
  // The loop works through the app's own client: point it at this file's database.
  await closeDb();
  process.env.DATABASE_URL = jobs.url;
  await jobs.pool.query(
    "INSERT INTO users (id, name, email, role) VALUES ($1, 'Loop Admin', 'loop-admin@example.test', 'admin')",
    [adminId],
  );
}, 120_000);
afterAll(async () => {
  await stopFanOutLoop();
  await closeDb();
  delete process.env.JOB_POLL_MS;
  await jobs.drop();
});

const recordAttention = (summary: string) =>
  recordNotificationEvent(jobs.db, {
    kind: "attention.needed",
    bookingId: null,
    actorUserId: null,
    facts: { summary, reason: "test" },
  });

const stateOf = async (eventId: string) =>
  (
    await jobs.pool.query<{ done: boolean; attempts: number; waits: boolean; readers: number }>(
      `SELECT fanned_out_at IS NOT NULL AS done, fan_out_attempts AS attempts, next_fan_out_at > now() AS waits,
              (SELECT count(*)::int FROM notifications n WHERE n.event_id = e.id) AS readers
       FROM notification_events e WHERE id = $1`,
      [eventId],
    )
  ).rows[0];

describe("the fan-out loop", () => {
  it("fans out each recorded event once and marks it; a second drain finds nothing", async () => {
    const first = await recordAttention("first");
    const second = await recordAttention("second");
    expect(await stateOf(first)).toEqual({ done: false, attempts: 0, waits: false, readers: 0 });

    expect(await drainPendingNotificationEvents()).toBe(2);
    expect(await stateOf(first)).toEqual({ done: true, attempts: 0, waits: false, readers: 1 });
    expect(await stateOf(second)).toMatchObject({ done: true, readers: 1 });
    expect(await drainPendingNotificationEvents()).toBe(0);
  });

  it("puts a failing event back with a wait, and goes on with the others", async () => {
    const failing = await recordAttention("fails");
    const fine = await recordAttention("fine");
    // A real failure inside the fan-out's transaction: marking this one event done raises.
    await jobs.pool.query(`
      CREATE FUNCTION fail_fan_out_test() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.id = '${failing}' AND NEW.fanned_out_at IS NOT NULL THEN RAISE EXCEPTION 'fan-out failed (test)'; END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER fail_fan_out_test BEFORE UPDATE ON notification_events
        FOR EACH ROW EXECUTE FUNCTION fail_fan_out_test();`);
    try {
      expect(await drainPendingNotificationEvents()).toBe(2);
    } finally {
      await jobs.pool.query(
        "DROP TRIGGER fail_fan_out_test ON notification_events; DROP FUNCTION fail_fan_out_test();",
      );
    }
    // Its in-app row was undone with it; it waits before its next try, which is not due yet.
    expect(await stateOf(failing)).toEqual({ done: false, attempts: 1, waits: true, readers: 0 });
    expect(await stateOf(fine)).toMatchObject({ done: true, readers: 1 });
    expect(await drainPendingNotificationEvents()).toBe(0);

    // When its time comes, it is fanned out like any other.
    await jobs.pool.query("UPDATE notification_events SET next_fan_out_at = now() WHERE id = $1", [failing]);
    expect(await drainPendingNotificationEvents()).toBe(1);
    expect(await stateOf(failing)).toEqual({ done: true, attempts: 1, waits: false, readers: 1 });
  });

  it("runs in the background: an event recorded while it waits is fanned out at its next look", async () => {
    process.env.JOB_POLL_MS = "500";
    startFanOutLoop();
    const event = await recordAttention("background");
    const deadline = Date.now() + 30_000;
    while (!(await stateOf(event))?.done) {
      if (Date.now() > deadline) throw new Error("the loop never fanned out the event");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await stopFanOutLoop();
    expect(await stateOf(event)).toMatchObject({ done: true, readers: 1 });
  });
});
