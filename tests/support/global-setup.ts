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
import type { TestProject } from "vitest/node";
import { startLocalSmtp } from "@/services/local-smtp/start-local-smtp";
import { createDemoDatabase } from "./demo-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    smtpUrl: string;
    mailboxDir: string;
  }
}

export default async function setup(project: TestProject) {
  const scratch = await createDemoDatabase("ime_test");
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
