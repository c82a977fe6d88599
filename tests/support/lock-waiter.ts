import { getPool } from "@/db/client";
import { pollUntil } from "./poll-until";

/**
 * Resolves once some backend of this database waits for a lock — the second of two transactions
 * racing for a row — so a test releases the first only when the second is really waiting. Polls
 * `pg_stat_activity`; throws if nobody ever waits.
 */
export async function waitForLockWaiter(what = "the second transaction"): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const { rows } = await getPool().query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
    );
    if (rows[0]!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${what} never waited for the row lock`);
}

/**
 * Resolves once the backend `pid` (a transaction's `pg_backend_pid()`) waits for a lock: precise
 * where other files' transactions share the database. Polls until the test's own timeout.
 */
export async function waitUntilSessionWaitsForALock(pid: number): Promise<void> {
  await pollUntil(async () => {
    const { rows } = await getPool().query<{ waiting: boolean }>(
      "select wait_event_type = 'Lock' as waiting from pg_stat_activity where pid = $1",
      [pid],
    );
    return rows[0]?.waiting === true;
  });
}
