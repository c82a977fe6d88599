import { getDb } from "@/db/client";
import { getAcuityClient } from "@/lib/acuity";
import { config } from "@/lib/config";
import { log, LOG_EVENTS, runAsJob } from "@/lib/log";
import { cancelAbandonedAppointments } from "./cancel-abandoned-appointments";
import { readJobsConfig } from "@/lib/jobs/jobs-config";
import { claimDueEvents, releaseClaims } from "./claim-events";
import { processClaimedEvents } from "./process-events";

const BATCH = 100;

interface WorkerState {
  running: boolean;
  wake: (() => void) | null;
  pendingKick: boolean;
  /** The running loop, awaited by a stop. */
  loop: Promise<void> | null;
}
// One worker per process, also across Next dev module reloads.
const state = ((globalThis as Record<string, unknown>).__imeWebhookWorker ??= {
  running: false,
  wake: null,
  pendingKick: false,
  loop: null,
}) as WorkerState;

/**
 * Claims and processes every due event until none is left — or only those about the given
 * appointments. Several processes may run it at once. Once `shouldStop` says so it claims no
 * more, finishes the appointments it has started and releases the claims it has not.
 */
export async function drainDueEvents(
  scope: { resourceIds?: string[] } = {},
  shouldStop: () => boolean = () => false,
): Promise<number> {
  let processed = 0;
  while (!shouldStop()) {
    const claimed = await claimDueEvents(getDb(), { limit: BATCH, resourceIds: scope.resourceIds });
    if (claimed.length === 0) return processed;
    const report = await processClaimedEvents(getDb(), getAcuityClient(), claimed, undefined, shouldStop);
    await releaseClaims(
      getDb(),
      report.unstarted.map((event) => event.id),
    );
    processed += claimed.length - report.unstarted.length;
  }
  return processed;
}

/**
 * The worker loop (in a web instance, or in `npm run worker`): drains due events and cancels the
 * appointments of booking attempts the portal gave up on, then sleeps until woken by a delivery
 * this process received or WEBHOOK_POLL_MS passes (which picks up other instances' deliveries and
 * retries whose backoff has expired). State lives in webhook_events and acuity_booking_attempts,
 * so it survives restarts; SKIP LOCKED leases let any number of processes run one.
 */
export function startWebhookWorker(): void {
  // Tests drain explicitly; WEBHOOK_WORKER=off keeps a background loop from racing them.
  if (state.running || !config().WEBHOOK_WORKER) return;
  state.running = true;
  // Read through functions: the loop's awaits let stop() and kick() change them meanwhile.
  const stopping = () => !state.running;
  const kicked = () => state.pendingKick;
  // Every line of the loop names the job, never a request that happened to start it.
  state.loop = runAsJob("webhooks.worker", async () => {
    while (state.running) {
      state.pendingKick = false;
      try {
        await drainDueEvents({}, stopping);
        if (!stopping()) await cancelAbandonedAppointments(getDb(), getAcuityClient());
      } catch (error) {
        log.error(
          { event: LOG_EVENTS.webhookWorkerFailed, err: error },
          "a webhook worker pass failed; the next pass tries again",
        );
      }
      if (kicked() || stopping()) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, readJobsConfig().webhookPollMs);
        state.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      state.wake = null;
    }
  });
}

/**
 * A new event was stored: a worker running in this process processes it now rather than at its
 * next poll. None runs in a web instance with BACKGROUND_JOBS=off; a worker process (`npm run
 * worker`) finds the event at its next poll instead.
 */
export function kickWebhookWorker(): void {
  if (!state.running) return;
  state.pendingKick = true;
  state.wake?.();
}

/**
 * Stops claiming; resolves once the current pass is over — appointments started are finished,
 * claimed ones not started are released for another worker.
 */
export async function stopWebhookWorker(): Promise<void> {
  state.running = false;
  state.wake?.();
  const loop = state.loop;
  await loop;
  if (state.loop === loop) state.loop = null;
}
