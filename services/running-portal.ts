import fs from "node:fs";
import path from "node:path";
import { config } from "@/lib/config";
import { setEnvironment } from "@/lib/config/environment";
import { DATA_DIR } from "./paths";
import { processIsAlive } from "./process-alive";

/**
 * What `npm run dev` / `npm run start:embedded` filled in for itself (the embedded Postgres on
 * its random port, the local S3 and emulator credentials), so one-shot commands run in another
 * terminal — acuity:reconcile, documents:cleanup, db:migrate, db:seed — reach the same services
 * with no setup. Local-only values: the launcher records only what it made up, never a
 * variable the user set. IME_RUNNING_PORTAL_FILE moves the file (tests).
 */
export const runningPortalFile = (): string =>
  config().IME_RUNNING_PORTAL_FILE ?? path.join(DATA_DIR, "running-portal.json");

interface RunningPortal {
  pid: number;
  env: Record<string, string>;
}

/** Writes the file for this process; returns the function that removes it again. */
export function recordRunningPortal(
  filledIn: Record<string, string>,
  file = runningPortalFile(),
): () => void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const record: RunningPortal = { pid: process.pid, env: filledIn };
  fs.writeFileSync(file, JSON.stringify(record, null, 2), { mode: 0o600 });
  return () => {
    // A second launcher may have taken the file over since: leave its record alone.
    if (readRecord(file)?.pid === process.pid) fs.rmSync(file, { force: true });
  };
}

function readRecord(file: string): RunningPortal | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as RunningPortal;
  } catch {
    return null;
  }
}

/**
 * When a launcher on this checkout is running, copies the values it filled in into
 * this process's environment wherever the variable is unset here. Returns whether it did; a file left behind
 * by a launcher that died is ignored.
 */
export function adoptRunningPortalEnv(file = runningPortalFile()): boolean {
  const record = readRecord(file);
  if (!record || !processIsAlive(record.pid)) return false;
  setEnvironment(record.env, { onlyUnset: true });
  return true;
}
