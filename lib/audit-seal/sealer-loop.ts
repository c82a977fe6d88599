/**
 * The sealer: seals pending audit rows every AUDIT_SEAL_INTERVAL_MS (seal-pending-rows.ts). A
 * BACKGROUND_JOBS entry — a loop of its own rather than a job-engine schedule, because pg-boss's
 * schedules are per minute and a seal should follow its rows within seconds. Any number of
 * processes may run it: a pass another process is doing is skipped (a tried advisory lock).
 * AUDIT_SEALER=off leaves this process out.
 */
import { getDb } from "@/db/client";
import { config } from "@/lib/config";
import { log, LOG_EVENTS, runAsJob } from "@/lib/log";
import { reportAttentionNeeded } from "@/lib/notifications/attention";
import { sealPendingAuditRows, SEAL_BATCH_SIZE } from "./seal-pending-rows";
import { auditSealKey } from "./seal-key";

interface LoopState {
  running: boolean;
  wake: (() => void) | null;
  loop: Promise<void> | null;
}
// One loop per process, also across Next dev module reloads.
const state = ((globalThis as Record<string, unknown>).__imeAuditSealer ??= {
  running: false,
  wake: null,
  loop: null,
}) as LoopState;

/** Seals everything pending now (a full batch means more may wait); returns how many rows. */
export async function sealAllPending(shouldStop: () => boolean = () => false): Promise<number> {
  const key = auditSealKey();
  let total = 0;
  while (!shouldStop()) {
    const pass = await sealPendingAuditRows(getDb(), key);
    total += pass.sealed;
    if (pass.unauthenticated.length > 0) {
      log.error(
        { event: LOG_EVENTS.auditRowUnauthenticated, seal: pass.sequence, auditIds: pass.unauthenticated },
        "audit rows without a valid MAC were sealed: inserted behind the portal's back, or changed before sealing",
      );
      await reportAttentionNeeded({
        reason: LOG_EVENTS.auditRowUnauthenticated,
        summary: `${pass.unauthenticated.length} audit row(s) carry no valid MAC — written behind the portal's back or changed before sealing (first: ${pass.unauthenticated[0]}). Run npm run audit:verify and look into who had database access.`,
        bookingId: null,
      });
    }
    if (pass.sealed < SEAL_BATCH_SIZE) return total;
  }
  return total;
}

// A call, not a read: stopAuditSealer changes it while a pass runs, which the compiler cannot see.
const stopped = () => !state.running;

async function run(): Promise<void> {
  while (!stopped()) {
    try {
      await runAsJob("audit.seal", () => sealAllPending(stopped));
    } catch (error) {
      log.error(
        { event: LOG_EVENTS.auditSealFailed, err: error },
        "sealing audit rows failed; the next pass tries again",
      );
    }
    if (stopped()) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, config().AUDIT_SEAL_INTERVAL_MS);
      timer.unref();
      state.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    state.wake = null;
  }
}

export function startAuditSealer(): void {
  if (state.running || !config().AUDIT_SEALER) return;
  state.running = true;
  state.loop = run();
}

/** Starts no further pass; resolves when the one in hand is finished. */
export async function stopAuditSealer(): Promise<void> {
  state.running = false;
  state.wake?.();
  await state.loop;
  state.loop = null;
}
