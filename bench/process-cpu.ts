import { execFileSync } from "node:child_process";
import fs from "node:fs";

/**
 * CPU time used so far, read from /proc (Linux; null elsewhere) — for "CPU per request" figures,
 * which hold on a loaded machine where latencies swing: what a page costs the portal server and
 * PostgreSQL, whoever else shares the cores.
 */
let ticksPerSecond: number | undefined;
const msPerTick = () => {
  ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
  return 1000 / ticksPerSecond;
};

/** utime + stime of one process (the portal server's, say), in ms; null when it cannot be read. */
export function processCpuMs(pid: number | string): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces, inside parentheses).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * msPerTick();
  } catch {
    return null;
  }
}

/**
 * Every PostgreSQL process's CPU so far (ms): the backends serving the portal's pool, and the
 * server's own workers — and any other database's on this server: run the bench on a machine
 * that does nothing else with PostgreSQL meanwhile. A backend that exits takes its time with it;
 * the pool keeps its connections for the length of a measurement, so a difference over one load
 * window holds.
 */
export function postgresCpuMs(): number | null {
  if (!fs.existsSync("/proc/self/stat")) return null;
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let command: string;
    try {
      command = fs.readFileSync(`/proc/${entry}/comm`, "utf8").trim();
    } catch {
      continue;
    }
    if (command !== "postgres") continue;
    total += processCpuMs(entry) ?? 0;
  }
  return total;
}
