/**
 * Whether this process is shutting down. The portal server (loaded by tsx) sets it on SIGTERM and
 * the ready route (inside Next's bundle) reads it: two copies of this module, so the flag lives on
 * globalThis.
 */
const state = ((globalThis as Record<string, unknown>).__imeShutdown ??= { shuttingDown: false }) as {
  shuttingDown: boolean;
};

export function markShuttingDown(): void {
  state.shuttingDown = true;
}

export function isShuttingDown(): boolean {
  return state.shuttingDown;
}
