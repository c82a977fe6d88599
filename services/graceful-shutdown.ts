/**
 * Shutdown on SIGTERM (what a container runtime and a process manager send) for the portal server
 * and the worker: stop taking work, let the work in hand finish within a grace period, then exit.
 */
import type http from "node:http";
import type { Duplex } from "node:stream";

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * Stops accepting connections, lets in-flight requests finish, and closes every kept-alive
 * connection as soon as it is idle (a client reusing one would otherwise hold the server open for
 * the whole keep-alive timeout). Connections still busy after `graceMs` are cut; `upgraded`
 * sockets (dev's hot-reload socket) are closed at once. Resolves with what happened.
 */
export async function closeHttpServer(
  server: http.Server,
  graceMs: number,
  upgraded: Set<Duplex> = new Set(),
): Promise<"drained" | "cut"> {
  const closed = new Promise<"drained">((resolve) => server.close(() => resolve("drained")));
  for (const socket of upgraded) socket.destroy();
  server.closeIdleConnections();
  // A request finishing on a kept-alive connection leaves it idle: close it then.
  const sweeper = setInterval(() => server.closeIdleConnections(), 100);
  const outcome = await Promise.race([closed, sleep(graceMs).then(() => "cut" as const)]);
  clearInterval(sweeper);
  if (outcome === "cut") server.closeAllConnections();
  return outcome;
}

/**
 * Runs `shutdown` once on SIGTERM, SIGINT or SIGHUP (a second signal while it runs changes
 * nothing), bounded by `graceMs` plus a moment for closing, then exits 0 — or 1 if it threw.
 */
export function onShutdownSignal(
  shutdown: (reason: string) => Promise<void>,
  graceMs: number,
): (reason: string) => void {
  let started = false;
  const run = (reason: string) => {
    if (started) return;
    started = true;
    const bounded = Promise.race([shutdown(reason).then(() => 0), sleep(graceMs + 5_000).then(() => 0)]);
    void bounded.then(
      (code) => process.exit(code),
      () => process.exit(1),
    );
  };
  for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => run(signal));
  return run;
}
