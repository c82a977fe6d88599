/**
 * A database of its own for the job-engine tests: they start worker processes that take every
 * queued job of the database they are given, and run digests over every specialist and admin —
 * on the run's shared database they would take (and send) other files' e-mails. Created on
 * DATABASE_URL's server (or a throw-away embedded one), migrated (pg-boss and its queues too),
 * dropped by `drop()`.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import type { Pool } from "pg";
import * as schema from "@/db/schema";
import type { Database } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "./scratch-database";

export interface JobsDatabase {
  url: string;
  db: Database;
  pool: Pool;
  drop: () => Promise<void>;
}

export async function createJobsDatabase(prefix: string): Promise<JobsDatabase> {
  const scratch = await createScratchDatabase(prefix);
  await migrateDatabase(scratch.url);
  const pool = scratch.pool(6);
  return {
    url: scratch.url,
    db: drizzle(pool, { schema }),
    pool,
    drop: scratch.drop,
  };
}
