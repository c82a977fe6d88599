/**
 * Gives the integration run a fresh, migrated database holding the demo world (so every file
 * may rely on the demo organizations and the specialists linked to the emulator's calendars),
 * and removes it afterwards: a new database on the DATABASE_URL server, or — without one —
 * a throw-away embedded PostgreSQL server (services/embedded-postgres.ts) on a free port.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import type { TestProject } from "vitest/node";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { seedDemoData } from "@/db/seed/seed";
import { createScratchDatabase } from "./scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const scratch = await createScratchDatabase("ime_test");
  await migrateDatabase(scratch.url);
  const pool = new Pool({ connectionString: scratch.url });
  await seedDemoData(drizzle(pool, { schema }), buildDemoBookings(new Date()));
  await pool.end();
  project.provide("databaseUrl", scratch.url);
  return async () => {
    await scratch.drop();
  };
}
