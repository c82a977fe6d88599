import { HeadBucketCommand } from "@aws-sdk/client-s3";
import { sql } from "drizzle-orm";
import { getDb, type Database } from "@/db/client";
import { QUEUE_NAMES } from "@/lib/jobs/queues";
import { getStorage, type Storage } from "@/lib/storage/client";
import { isShuttingDown } from "./shutdown-state";

export type CheckState = "ok" | "failing";

export interface Readiness {
  /** `shutting_down` while the process drains: a load balancer takes it out of rotation. */
  status: "ok" | "failing" | "shutting_down";
  checks: { database: CheckState; objectStore: CheckState; jobEngine: CheckState };
}

export interface ReadinessDeps {
  db: Database;
  storage: Storage;
  /** Each check's bound: a dependency that does not answer in time counts as failing. */
  timeoutMs: number;
}

const DEFAULT_TIMEOUT_MS = 2_000;

/** Resolves "ok" if `probe` answers within the bound, else "failing" — never the error itself. */
async function check(
  probe: (signal: AbortSignal) => Promise<unknown>,
  timeoutMs: number,
): Promise<CheckState> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<CheckState>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve("failing");
    }, timeoutMs);
  });
  // Through a then: a probe that throws at once (no configuration) fails like one that rejects.
  const answered = Promise.resolve(controller.signal)
    .then(probe)
    .then(
      (): CheckState => "ok",
      (): CheckState => "failing",
    );
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Whether this instance can serve: the database answers, the bucket exists and is reachable with
 * the portal's credentials, and the job engine — pg-boss's schema in Postgres, with the queue
 * e-mails go through — answers. The checks run in parallel, each bounded; the answer carries check names only.
 */
export async function checkReadiness(deps: Partial<ReadinessDeps> = {}): Promise<Readiness> {
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const db = () => deps.db ?? getDb();
  const [database, objectStore, jobEngine] = await Promise.all([
    check(() => db().execute(sql`SELECT 1`), timeoutMs),
    check((abortSignal) => {
      const storage = deps.storage ?? getStorage();
      return storage.client.send(new HeadBucketCommand({ Bucket: storage.bucket }), { abortSignal });
    }, timeoutMs),
    check(async () => {
      const found = await db().execute(sql`SELECT 1 FROM pgboss.queue WHERE name = ${QUEUE_NAMES.sendEmail}`);
      if (found.rows.length === 0) throw new Error("the job engine's queues are missing");
    }, timeoutMs),
  ]);
  const checks = { database, objectStore, jobEngine };
  const allOk = Object.values(checks).every((state) => state === "ok");
  return { status: isShuttingDown() ? "shutting_down" : allOk ? "ok" : "failing", checks };
}
