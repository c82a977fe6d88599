/**
 * Preloaded into the portal server by bench/http-pages.ts (`node --import tsx --import
 * ./bench/memory-probe.ts …`): every BENCH_MEMORY_INTERVAL_MS it appends the process's
 * `process.memoryUsage()` as one JSON line to BENCH_MEMORY_FILE, so the benchmark can tell the
 * JavaScript heap (used vs reserved) from the rest of the resident set. On SIGUSR2 it runs a full
 * garbage collection first (when started with --expose-gc) and writes a line marked `afterGc`:
 * what is still reachable then is retained data, what went away was only heap not yet collected.
 */
import fs from "node:fs";

const file = process.env.BENCH_MEMORY_FILE;
const intervalMs = Number(process.env.BENCH_MEMORY_INTERVAL_MS ?? 500);

function write(extra: Record<string, unknown> = {}) {
  if (!file) return;
  const usage = process.memoryUsage();
  fs.appendFileSync(file, `${JSON.stringify({ at: Date.now(), ...usage, ...extra })}\n`);
}

if (file) {
  // Unref'd: the probe never keeps the server alive.
  setInterval(() => write(), intervalMs).unref();
  process.on("SIGUSR2", () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) gc();
    write({ afterGc: Boolean(gc) });
  });
}
