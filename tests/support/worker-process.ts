/**
 * A real `npm run worker` process (node --import tsx scripts/worker.ts) for the job engine's
 * multi-process tests: its own environment (a test's database and SMTP server), its JSON log lines
 * kept for the test to read, killed by the test (SIGKILL for a crash) or stopped at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface WorkerProcess {
  name: string;
  child: ChildProcess;
  /** Parsed JSON log lines written so far. */
  lines: Record<string, unknown>[];
  /** Resolves when the process has exited. */
  exited: Promise<number | null>;
  /** Resolves once the job engine has started in it (its "running" line). */
  running: Promise<void>;
  kill: (signal?: NodeJS.Signals) => Promise<number | null>;
}

export function startWorkerProcess(name: string, env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "development",
      LOG_FORMAT: "json",
      LOG_LEVEL: "info",
      // Only the job engine: no Acuity here, and no object store for the upload cleanup.
      WEBHOOK_WORKER: "off",
      UPLOAD_CLEANUP: "off",
      BETTER_AUTH_URL: "http://portal.test",
      BETTER_AUTH_SECRET: "worker-process-test-secret-at-least-32-characters",
      ...env,
    },
  });
  const lines: Record<string, unknown>[] = [];
  let buffered = "";
  let markRunning: () => void = () => {};
  const running = new Promise<void>((resolve) => (markRunning = resolve));
  child.stdout!.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("utf8");
    const complete = buffered.split("\n");
    buffered = complete.pop() ?? "";
    for (const text of complete) {
      if (!text.startsWith("{")) continue;
      try {
        const line = JSON.parse(text) as Record<string, unknown>;
        lines.push(line);
        if (line.msg === "running") markRunning();
      } catch {
        // A partial or foreign line: not ours to read.
      }
    }
  });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  void exited.then((code) => {
    if (code !== 0 && code !== null && stderr) process.stderr.write(`[${name}] exited ${code}: ${stderr}\n`);
  });
  return {
    name,
    child,
    lines,
    exited,
    running,
    kill: (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Polls `check` every 100 ms until it holds; fails naming `what` after `timeoutMs` (generous: never a speed test). */
export async function waitUntil(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
