import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client } from "pg";
import PgBoss from "pg-boss";
import { bossOptions } from "@/lib/jobs/job-queue";
import { ensureQueues } from "@/lib/jobs/queues";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Applies every pending migration, then installs (or upgrades) the job engine's schema `pgboss`
 * and its queues — so any process can enqueue from its first request. Idempotent: drizzle records
 * applied migrations in drizzle.__drizzle_migrations, pg-boss its version in pgboss.version.
 * Uses its own connections so scripts and tests can migrate any database by URL.
 */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.end();
  }
  await installJobEngine(databaseUrl);
}

/** pg-boss migrates its schema on start; started without maintenance or schedules, then stopped. */
async function installJobEngine(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({ ...bossOptions(databaseUrl), max: 1, supervise: false, schedule: false });
  await boss.start();
  try {
    await ensureQueues(boss);
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
