/**
 * A scratch database as the integration run's is made: migrated and holding the demo world (the
 * demo organizations, the specialists linked to the emulator's calendars) without a fee schedule —
 * tests that charge make their own (tests/integration/billing-charges.test.ts). Used for the run's
 * shared database (global-setup.ts) and for a file that needs one of its own (own-demo-database.ts).
 */
import { drizzle } from "drizzle-orm/node-postgres";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { seedDemoData } from "@/db/seed/seed";
import { createScratchDatabase, type ScratchDatabase } from "./scratch-database";

export async function createDemoDatabase(prefix: string): Promise<ScratchDatabase> {
  const scratch = await createScratchDatabase(prefix);
  await migrateDatabase(scratch.url);
  await seedDemoData(drizzle(scratch.pool(2), { schema }), buildDemoBookings(new Date()), {
    feeSchedule: false,
  });
  return scratch;
}
