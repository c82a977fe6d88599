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

/**
 * utime + stime of one process (the portal server's, say), in ms; null when it cannot be read.
 * With `exitedChildren`, plus cutime + cstime: what its children used before they exited.
 */
export function processCpuMs(pid: number | string, exitedChildren = false): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces, inside parentheses).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const own = Number(fields[11]) + Number(fields[12]);
    const children = exitedChildren ? Number(fields[13]) + Number(fields[14]) : 0;
    return (own + children) * msPerTick();
  } catch {
    return null;
  }
}

/**
 * Every PostgreSQL process's CPU so far (ms): the backends serving the portal's pool, and the
 * server's own workers — and any other database's on this server: run the bench on a machine
 * that does nothing else with PostgreSQL meanwhile. A backend that exits (an autovacuum worker, a
 * pool's idle connection) is counted on in the postmaster's exited children, so the sum only grows:
 * summing the live ones alone once read a window at -25.9 ms a request.
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
    // Backends have no children of their own; the postmaster's are every backend that has exited.
    total += processCpuMs(entry, true) ?? 0;
  }
  return total;
}
