import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import { Client } from "pg";

const MIGRATIONS_FOLDER = path.join(process.cwd(), "db", "migrations");

/**
 * Applies every pending migration. Idempotent: drizzle records applied ones in
 * drizzle.__drizzle_migrations, so a second run changes nothing.
 * Uses its own client so scripts and tests can migrate any database by URL.
 */
export async function migrateDatabase(databaseUrl: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await client.end();
  }
}
