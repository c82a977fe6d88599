import { startCommand } from "@/services/start-command";
import { withDatabaseUrl } from "@/services/database-url";
import { printLine } from "@/services/terminal";
import { migrateDatabase } from "./migrate";

// `npm run db:migrate`: migrates DATABASE_URL (from the environment or .env), or the embedded database when it is unset.
startCommand("db:migrate", { inProduction: ["DATABASE_URL"] });
await withDatabaseUrl("db:migrate", async (url) => {
  await migrateDatabase(url);
  printLine("migrations applied");
});
