import { getCurrentDBAdapterAsyncLocalStorage } from "@better-auth/core/context";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Tx } from "@/db/client";
import { AUTH_DRIZZLE_CONFIG, getAuth } from "./auth";

/**
 * Runs `work` with better-auth's database access bound to `tx`, the action's transaction:
 * every better-auth read and write inside it (create a user, add a member, ban, open an
 * impersonation session, …) joins that transaction — better-auth looks its adapter up in this
 * async-local store before using its own — so it commits or rolls back with the audit row.
 *
 * Why it matters twice: a failed action leaves no half change, and the embedded Postgres (one
 * PGlite session behind a socket server that, while a transaction is open, runs only that
 * connection's queries) no longer deadlocks when an action waits for better-auth on a second
 * connection. Hooks better-auth queues "after commit" are pushed to `afterCommit`; the caller
 * runs them once the transaction has committed.
 */
export async function runWithBetterAuthIn<T>(tx: Tx, afterCommit: (() => Promise<void>)[], work: () => Promise<T>): Promise<T> {
  const context = await getAuth().$context;
  const adapter = drizzleAdapter(tx as unknown as Parameters<typeof drizzleAdapter>[0], AUTH_DRIZZLE_CONFIG)(context.options);
  const store = await getCurrentDBAdapterAsyncLocalStorage();
  return store.run({ adapter, pendingHooks: afterCommit, isTransactionActive: true }, work);
}
