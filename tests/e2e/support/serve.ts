/**
 * The e2e web server: a fresh database (on DATABASE_URL's server, else embedded), migrated
 * and loaded with the demo data, the Acuity emulator in-process (any free port) holding the
 * same demo appointments and sending webhooks to the portal, then the production build on
 * E2E_PORT with ACUITY_* pointing at the emulator. The database URL is written to a file so
 * specs can check what the portal stored. Dropped on SIGTERM.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { seedDemoData } from "@/db/seed/seed";
import { startAcuityEmulator } from "@/services/acuity-emulator";
import { demoAcuityAppointments } from "@/services/demo-acuity-appointments";
import { createScratchDatabase } from "../../support/scratch-database";
import { E2E_DATABASE_URL_FILE } from "./paths";

const port = process.env.E2E_PORT ?? "3100";
const scratch = await createScratchDatabase("ime_e2e");
await migrateDatabase(scratch.url);
const pool = new Pool({ connectionString: scratch.url });
const demoPlans = buildDemoBookings(new Date());
await seedDemoData(drizzle(pool, { schema }), demoPlans);
await pool.end();
const acuityCredentials = { userId: "10001", apiKey: "e2e-emulator-api-key" };
const acuity = await startAcuityEmulator({
  port: 0,
  ...acuityCredentials,
  webhookTargets: [`http://localhost:${port}/api/webhooks/acuity`],
  initialAppointments: demoAcuityAppointments(demoPlans),
});
fs.mkdirSync(path.dirname(E2E_DATABASE_URL_FILE), { recursive: true });
fs.writeFileSync(E2E_DATABASE_URL_FILE, scratch.url);

const app = spawn(path.join("node_modules", ".bin", "next"), ["start", "--port", port], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: scratch.url,
    BETTER_AUTH_SECRET: "e2e-secret-that-is-long-enough-for-better-auth",
    BETTER_AUTH_URL: `http://localhost:${port}`,
    // Specs sign in many times from one address; production keeps the strict default.
    AUTH_SIGN_IN_RATE_LIMIT: "1000",
    ACUITY_USER_ID: acuityCredentials.userId,
    ACUITY_API_KEY: acuityCredentials.apiKey,
    ACUITY_BASE_URL: acuity.url,
  },
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  app.kill("SIGTERM");
  await new Promise((resolve) => app.once("exit", resolve));
  await acuity.stop().catch(() => {});
  await scratch.drop().catch(() => {});
  fs.rmSync(E2E_DATABASE_URL_FILE, { force: true });
  process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
app.on("exit", (code) => {
  if (!stopping) process.exit(code ?? 1);
});
