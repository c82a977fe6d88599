/**
 * Moves one integration file onto a demo-seeded database of its own, for files that run
 * the sweep of owed Acuity cancellations (reconcile, cancelAbandonedAppointments): a sweep claims
 * every due booking attempt of its database and looks each up in *its* Acuity emulator, so on
 * the run's shared database it would settle other files' attempts as "not in Acuity".
 *
 * Call it at the top of the file, before any other hook: its beforeAll then runs first and points
 * the app's own client (getDb) at the new database; its afterAll closes that client and drops it.
 */
import { afterAll, beforeAll } from "vitest";
import { closeDb } from "@/db/client";
import { createDemoDatabase } from "./demo-database";
import type { ScratchDatabase } from "./scratch-database";

export function runOnOwnDemoDatabase(prefix: string): void {
  let scratch: ScratchDatabase | undefined;
  const runDatabaseUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    // On the run's server (the shared database's URL names it): no server of its own to start.
    scratch = await createDemoDatabase(prefix);
    await closeDb();
    process.env.DATABASE_URL = scratch.url;
  });
  afterAll(async () => {
    await closeDb();
    process.env.DATABASE_URL = runDatabaseUrl;
    await scratch?.drop();
  });
}
