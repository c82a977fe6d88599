import { getCurrentDBAdapterAsyncLocalStorage } from "@better-auth/core/context";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import type { Database, Tx } from "@/db/client";
import { AUTH_DRIZZLE_CONFIG, getAuth } from "./auth";

/**
 * One database transaction for `work` and every better-auth read and write made inside it
 * (create a user, add a member, ban, open an impersonation session, …): better-auth looks its
 * adapter up in its async-local store before using its own, and finds one bound to `tx` — so
 * what it writes commits or rolls back with the audit rows.
 *
 * So a failed change leaves no half of itself behind, and an action never waits inside its
 * transaction for better-auth writing on a second connection (which could wait on the first's
 * row locks). Hooks better-auth queues "after commit" run once the commit is done.
 */
export async function transactionWithBetterAuth<T>(db: Database, work: (tx: Tx) => Promise<T>): Promise<T> {
  const context = await getAuth().$context;
  const store = await getCurrentDBAdapterAsyncLocalStorage();
  const afterCommit: (() => Promise<void>)[] = [];
  const output = await db.transaction((tx) => {
    const adapter = drizzleAdapter(
      tx as unknown as Parameters<typeof drizzleAdapter>[0],
      AUTH_DRIZZLE_CONFIG,
    )(context.options);
    return store.run({ adapter, pendingHooks: afterCommit, isTransactionActive: true }, () => work(tx));
  });
  for (const hook of afterCommit) await hook();
  return output;
}
