/**
 * Gives the integration run a fresh, migrated database holding the demo world (so every file
 * may rely on the demo organizations and the specialists linked to the emulator's calendars),
 * and removes it afterwards: a new database on the DATABASE_URL server, or — without one —
 * a throw-away embedded PostgreSQL server (services/embedded-postgres.ts) on a free port.
 * Also one local SMTP server (services/local-smtp) for the whole run, its mailbox in a temporary
 * folder: every e-mail the tests cause really goes over SMTP, and tests read it back
 * (tests/support/mailbox.ts) by their own unique recipients.
 */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import type { TestProject } from "vitest/node";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { seedDemoData } from "@/db/seed/seed";
import { startLocalSmtp } from "@/services/local-smtp/start-local-smtp";
import { createScratchDatabase } from "./scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    smtpUrl: string;
    mailboxDir: string;
  }
}

export default async function setup(project: TestProject) {
  const scratch = await createScratchDatabase("ime_test");
  await migrateDatabase(scratch.url);
  const pool = new Pool({ connectionString: scratch.url });
  // No fee schedule: tests that charge make their own (tests/integration/billing-charges.test.ts).
  await seedDemoData(drizzle(pool, { schema }), buildDemoBookings(new Date()), { feeSchedule: false });
  await pool.end();
  project.provide("databaseUrl", scratch.url);
  const mailboxDir = await mkdtemp(path.join(os.tmpdir(), "ime-test-mailbox-"));
  const smtp = await startLocalSmtp({ port: 0, mailboxDir });
  project.provide("smtpUrl", smtp.url);
  project.provide("mailboxDir", smtp.mailboxDir);
  return async () => {
    await smtp.stop();
    await rm(mailboxDir, { recursive: true, force: true });
    await scratch.drop();
  };
}
