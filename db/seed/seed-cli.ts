import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { startCommand } from "@/services/start-command";
import { withDatabaseUrl } from "@/services/database-url";
import { printLine } from "@/services/terminal";
import { readOrCreateAuthSecret } from "@/services/auth-secret";
import { config } from "@/lib/config";
import { buildDemoBookings } from "./demo-bookings";
import { seedDemoData } from "./seed";

// `npm run db:seed`: migrates and loads the demo data into DATABASE_URL (or the embedded database).
startCommand("db:seed", { inProduction: ["DATABASE_URL"] });
await withDatabaseUrl("db:seed", async (url) => {
  await migrateDatabase(url);
  const pool = new Pool({ connectionString: url });
  try {
    // The secret the portal will run with (the launcher's default when unset): the demo
    // authenticator enrolments are encrypted with it.
    const authSecret = config().BETTER_AUTH_SECRET ?? readOrCreateAuthSecret();
    const seeded = await seedDemoData(drizzle(pool, { schema }), buildDemoBookings(new Date()), {
      authSecret,
    });
    printLine(seeded ? "demo data loaded" : "demo data already present");
  } finally {
    await pool.end();
  }
});
