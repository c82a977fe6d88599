import { getDb } from "@/db/client";
import { getAcuityClient } from "@/lib/acuity";
import { logRedactedError } from "@/lib/errors/redact-error";
import { cancelAbandonedAppointments } from "./cancel-abandoned-appointments";
import { claimDueEvents } from "./claim-events";
import { processClaimedEvents } from "./process-events";

const BATCH = 100;
const IDLE_MS = 2000;

interface WorkerState {
  running: boolean;
  wake: (() => void) | null;
  pendingKick: boolean;
}
// One worker per process, also across Next dev module reloads.
const state = ((globalThis as Record<string, unknown>).__imeWebhookWorker ??= {
  running: false,
  wake: null,
  pendingKick: false,
}) as WorkerState;

/**
 * Claims and processes every due event until none is left — or only those about the given
 * appointments. Several processes may run it at once.
 */
export async function drainDueEvents(scope: { resourceIds?: string[] } = {}): Promise<number> {
  let processed = 0;
  for (;;) {
    const claimed = await claimDueEvents(getDb(), { limit: BATCH, resourceIds: scope.resourceIds });
    if (claimed.length === 0) return processed;
    await processClaimedEvents(getDb(), getAcuityClient(), claimed);
    processed += claimed.length;
  }
}

/**
 * The in-process worker: drains due events and cancels the appointments of booking attempts the
 * portal gave up on, then sleeps until woken by a new delivery or the idle interval passes (which
 * picks up retries whose backoff has expired). State lives in webhook_events and
 * acuity_booking_attempts, so it survives restarts; SKIP LOCKED leases let every app instance run one.
 */
export function startWebhookWorker(): void {
  // Tests drain explicitly; WEBHOOK_WORKER=off keeps a background loop from racing them.
  if (state.running || process.env.WEBHOOK_WORKER === "off") return;
  state.running = true;
  void (async () => {
    while (state.running) {
      state.pendingKick = false;
      try {
        await drainDueEvents();
        await cancelAbandonedAppointments(getDb(), getAcuityClient());
      } catch (error) {
        logRedactedError("[webhooks] worker pass failed", error);
      }
      if (state.pendingKick) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, IDLE_MS);
        state.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      state.wake = null;
    }
  })();
}

/** A new event was stored: process it now rather than at the next idle tick. */
export function kickWebhookWorker(): void {
  startWebhookWorker();
  state.pendingKick = true;
  state.wake?.();
}

export function stopWebhookWorker(): void {
  state.running = false;
  state.wake?.();
}
