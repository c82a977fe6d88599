import path from "node:path";

export const E2E_DATABASE_URL_FILE = path.join(process.cwd(), "test-results", ".e2e-database-url");
export const ARTIFACTS_DIR = path.join(process.cwd(), "artifacts", "e2e");
/** The Acuity emulator's control surface of the e2e run (written by serve.ts). */
export const E2E_EMULATOR_CONTROL_FILE = path.join(
  process.cwd(),
  "test-results",
  ".e2e-emulator-control-url",
);
/** The folder where the e2e run's local SMTP server keeps what it received (written by serve.ts). */
export const E2E_MAILBOX_DIR_FILE = path.join(process.cwd(), "test-results", ".e2e-mailbox-dir");
