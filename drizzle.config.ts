import { defineConfig } from "drizzle-kit";
// Relative: drizzle-kit loads this file without the tsconfig path aliases.
import { config } from "./lib/config";

// drizzle-kit only generates SQL from the schema here; migrations are applied by
// `npm run db:migrate` (db/migrate.ts), which works on the embedded database too.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  dbCredentials: { url: config().DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres" },
});
