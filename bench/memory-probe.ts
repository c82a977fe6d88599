/**
 * Preloaded into the portal server by bench/http-pages.ts (`node --import tsx --import
 * ./bench/memory-probe.ts …`): every BENCH_MEMORY_INTERVAL_MS it appends the process's
 * `process.memoryUsage()` as one JSON line to BENCH_MEMORY_FILE, so the benchmark can tell the
 * JavaScript heap (used vs reserved) from the rest of the resident set. On SIGUSR2 it runs a full
 * garbage collection first (when started with --expose-gc) and writes a line marked `afterGc`:
 * what is still reachable then is retained data, what went away was only heap not yet collected.
 * That line also carries old space's use (objects) and code space's (compiled functions), and with
 * BENCH_HEAP_SNAPSHOT_DIR set, a heap snapshot is written there after the collection — taken only
 * when asked, so the run before it is not changed by it (unlike --heapsnapshot-signal).
 */
import fs from "node:fs";
import path from "node:path";
import v8 from "node:v8";

const file = process.env.BENCH_MEMORY_FILE;
const snapshotDir = process.env.BENCH_HEAP_SNAPSHOT_DIR;
const intervalMs = Number(process.env.BENCH_MEMORY_INTERVAL_MS ?? 500);

function write(extra: Record<string, unknown> = {}) {
  if (!file) return;
  const usage = process.memoryUsage();
  fs.appendFileSync(file, `${JSON.stringify({ at: Date.now(), ...usage, ...extra })}\n`);
}

/** Used bytes of the spaces that tell objects from compiled code. */
function spaceUse(): Record<string, number> {
  const wanted = new Set(["old_space", "code_space", "large_object_space"]);
  return Object.fromEntries(
    v8
      .getHeapSpaceStatistics()
      .filter((space) => wanted.has(space.space_name))
      .map((space) => [space.space_name, space.space_used_size]),
  );
}

if (file) {
  // Unref'd: the probe never keeps the server alive.
  setInterval(() => write(), intervalMs).unref();
  process.on("SIGUSR2", () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) gc();
    const snapshot = snapshotDir
      ? v8.writeHeapSnapshot(path.join(snapshotDir, `portal-${process.pid}-${Date.now()}.heapsnapshot`))
      : undefined;
    write({ afterGc: Boolean(gc), spaces: spaceUse(), ...(snapshot && { snapshot }) });
  });
}
