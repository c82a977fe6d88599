import { afterAll, inject } from "vitest";
import { closeDb } from "@/db/client";

// Every integration file talks to the run's scratch database through the app's own client.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-at-least-32-characters";
process.env.BETTER_AUTH_URL ??= "http://localhost:3000";
// E-mails go over SMTP to the run's local server (tests/support/global-setup.ts), unless a test
// run points elsewhere; tests read them back with tests/support/mailbox.ts.
process.env.SMTP_URL ??= inject("smtpUrl");
process.env.LOCAL_MAILBOX_DIR ??= inject("mailboxDir");

afterAll(async () => {
  await closeDb();
});
