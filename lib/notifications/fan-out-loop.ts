/**
 * The fan-out loop: takes pending notification events (the changes' own rows — a transactional
 * outbox) and fans each out (fan-out.ts), until none is due, then waits JOB_POLL_MS. Any number of
 * processes may run it: each event is taken by one (SKIP LOCKED). A BACKGROUND_JOBS entry, beside
 * the job engine that delivers the e-mails it queues.
 *
 * Why not a pg-boss job per event: the job's insert doubled what an event costs the change's own
 * transaction (bench/notifications.ts), and the event row already is a durable queue entry.
 */
import { config } from "@/lib/config";
import { log, LOG_EVENTS, runAsJob } from "@/lib/log";
import { fanOutNextPendingEvent } from "./fan-out";

interface LoopState {
  running: boolean;
  wake: (() => void) | null;
  loop: Promise<void> | null;
}
// One loop per process, also across Next dev module reloads.
const state = ((globalThis as Record<string, unknown>).__imeFanOutLoop ??= {
  running: false,
  wake: null,
  loop: null,
}) as LoopState;

/** Fans out every due event, one transaction each; returns how many it handled (failures included). */
export async function drainPendingNotificationEvents(
  shouldStop: () => boolean = () => false,
): Promise<number> {
  let handled = 0;
  while (!shouldStop()) {
    const outcome = await fanOutNextPendingEvent();
    if (!outcome) return handled;
    handled += 1;
    if (outcome.error !== null) {
      log.warn(
        {
          event: LOG_EVENTS.fanOutFailed,
          eventId: outcome.id,
          attempts: outcome.attempts,
          err: outcome.error,
        },
        "fanning out a notification event failed; it is tried again later",
      );
    }
  }
  return handled;
}

// A call, not a read: stopFanOutLoop changes it while a pass runs, which the compiler cannot see.
const stopped = () => !state.running;

async function run(): Promise<void> {
  while (!stopped()) {
    try {
      await runAsJob("notifications.fan-out", () => drainPendingNotificationEvents(stopped));
    } catch (error) {
      log.error(
        { event: LOG_EVENTS.fanOutFailed, err: error },
        "a fan-out pass failed; the next pass tries again",
      );
    }
    if (stopped()) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, config().JOB_POLL_MS);
      timer.unref();
      state.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    state.wake = null;
  }
}

export function startFanOutLoop(): void {
  if (state.running) return;
  state.running = true;
  state.loop = run();
}

/** Takes no further event; resolves when the one in hand is finished. */
export async function stopFanOutLoop(): Promise<void> {
  state.running = false;
  state.wake?.();
  await state.loop;
  state.loop = null;
}
