import fs from "node:fs";
import { processIsAlive } from "./process-alive";

/**
 * Calls `onOrphaned` once when this process's parent — or the parent's parent — goes away.
 * `npm run dev` stopped with SIGTERM or SIGHUP does not pass the signal on and leaves its
 * `sh -c` behind, a closed terminal or a launcher killed outright leaves its children running:
 * watching the two nearest ancestors is the one signal that works whatever stopped them.
 */
export function exitWithParent(onOrphaned: () => void, intervalMs = 500): () => void {
  const parent = process.ppid;
  const grandparent = parentOf(parent);
  const timer = setInterval(() => {
    const parentGone = process.ppid !== parent;
    const grandparentGone = grandparent !== null && grandparent > 1 && !processIsAlive(grandparent);
    if (!parentGone && !grandparentGone) return;
    clearInterval(timer);
    onOrphaned();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The parent of `pid` from /proc (Linux); null where there is no /proc. */
export function parentOf(pid: number): number | null {
  try {
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return null;
  }
}
