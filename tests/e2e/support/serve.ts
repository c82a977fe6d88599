/**
 * The e2e web server: a fresh database (on DATABASE_URL's server, else embedded), migrated
 * and loaded with the demo data, the local S3 (signature-checking, in a temp dir, any free
 * port, CORS open to the portal's origin), a local SMTP server (its mailbox in a temp dir, named in
 * a file for the specs), then the production build on E2E_PORT, served by the
 * portal server as `npm start` serves it. The
 * database URL is written to a file so specs can check what the portal stored. All of it
 * is dropped on SIGTERM.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { seedDemoData } from "@/db/seed/seed";
import { startLocalS3 } from "@/services/s3/start-local-s3";
import { startAcuityEmulator } from "@/services/acuity-emulator";
import { demoAcuityAppointments } from "@/services/demo-acuity-appointments";
import { startLocalSmtp } from "@/services/local-smtp/start-local-smtp";
import { createScratchDatabase } from "../../support/scratch-database";
import { E2E_DATABASE_URL_FILE, E2E_EMULATOR_CONTROL_FILE, E2E_MAILBOX_DIR_FILE } from "./paths";

const port = process.env.E2E_PORT ?? "3100";
const scratch = await createScratchDatabase("ime_e2e");
await migrateDatabase(scratch.url);
const pool = new Pool({ connectionString: scratch.url });
const demoPlans = buildDemoBookings(new Date());
// The portal's secret below: the demo admin's and specialists' demo authenticator is encrypted with it.
const authSecret = "e2e-secret-that-is-long-enough-for-better-auth";
await seedDemoData(drizzle(pool, { schema }), demoPlans, { authSecret });
await pool.end();
fs.mkdirSync(path.dirname(E2E_DATABASE_URL_FILE), { recursive: true });
fs.writeFileSync(E2E_DATABASE_URL_FILE, scratch.url);

// Browsers PUT and GET documents on the store directly, so it must answer the portal's origin.
const s3DataDir = fs.mkdtempSync(path.join(tmpdir(), "ime-e2e-s3-"));
const s3Identity = {
  bucket: "ime-e2e-documents",
  accessKeyId: "e2e-access-key",
  secretAccessKey: "e2e-secret-key",
  region: "us-east-1",
};
const s3 = await startLocalS3({
  ...s3Identity,
  port: 0,
  dataDir: s3DataDir,
  allowedOrigins: [`http://localhost:${port}`, `http://127.0.0.1:${port}`],
});

// The Acuity emulator in this process (any free port), with the seed's appointments, as `npm run dev` does.
const acuity = { userId: "10001", apiKey: "e2e-emulator-api-key" };
const emulator = await startAcuityEmulator({
  port: 0,
  ...acuity,
  webhookTargets: [`http://localhost:${port}/api/webhooks/acuity`],
  initialAppointments: demoAcuityAppointments(demoPlans),
});
// Specs act "directly in Acuity" through the emulator's control surface.
fs.writeFileSync(E2E_EMULATOR_CONTROL_FILE, emulator.controlUrl);

// Every e-mail really goes over SMTP; specs read it back from the mailbox folder, admins in Admin → Outbox.
const mailboxDir = fs.mkdtempSync(path.join(tmpdir(), "ime-e2e-mailbox-"));
const smtp = await startLocalSmtp({ port: 0, mailboxDir });
fs.writeFileSync(E2E_MAILBOX_DIR_FILE, mailboxDir);

const app = spawn(process.execPath, ["--import", "tsx", path.join("scripts", "portal-server.ts"), "start"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: port,
    DATABASE_URL: scratch.url,
    BETTER_AUTH_SECRET: authSecret,
    BETTER_AUTH_URL: `http://localhost:${port}`,
    // Specs sign in many times from one address; production keeps the strict default.
    AUTH_SIGN_IN_RATE_LIMIT: "1000",
    S3_ENDPOINT: s3.endpoint,
    S3_BUCKET: s3Identity.bucket,
    S3_ACCESS_KEY_ID: s3Identity.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3Identity.secretAccessKey,
    S3_REGION: s3Identity.region,
    ACUITY_USER_ID: acuity.userId,
    ACUITY_API_KEY: acuity.apiKey,
    ACUITY_BASE_URL: emulator.url,
    SMTP_URL: smtp.url,
    LOCAL_MAILBOX_DIR: mailboxDir,
  },
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  app.kill("SIGTERM");
  await new Promise((resolve) => app.once("exit", resolve));
  await emulator.stop().catch(() => {});
  await scratch.drop().catch(() => {});
  await s3.stop().catch(() => {});
  await smtp.stop().catch(() => {});
  fs.rmSync(s3DataDir, { recursive: true, force: true });
  fs.rmSync(mailboxDir, { recursive: true, force: true });
  fs.rmSync(E2E_MAILBOX_DIR_FILE, { force: true });
  fs.rmSync(E2E_DATABASE_URL_FILE, { force: true });
  fs.rmSync(E2E_EMULATOR_CONTROL_FILE, { force: true });
  process.exit(0);
}
// Fire and forget: nothing awaits a signal listener; stop() ends the process itself.
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
app.on("exit", (code) => {
  if (stopping) return;
  fs.rmSync(s3DataDir, { recursive: true, force: true });
  fs.rmSync(mailboxDir, { recursive: true, force: true });
  process.exit(code ?? 1);
});
