import { migrateDatabase } from "./migrate";
import { withDatabaseUrl } from "@/services/database-url";

// `npm run db:migrate`: migrates DATABASE_URL, or the embedded database when it is unset.
await withDatabaseUrl(async (url) => {
  await migrateDatabase(url);
  console.log("migrations applied");
});
