/**
 * Runs the emulator for local dev: `tsx services/acuity-emulator/cli.ts`.
 * Env: ACUITY_EMULATOR_PORT (4010), ACUITY_USER_ID, ACUITY_API_KEY,
 * ACUITY_WEBHOOK_TARGETS (comma-separated URLs), ACUITY_EMULATOR_STATE_FILE.
 */
import { startCommand } from "../start-command";
import { printLine } from "../terminal";
import { startAcuityEmulator } from "./server";

async function main() {
  // The portal must use the same ACUITY_USER_ID and ACUITY_API_KEY.
  const config = startCommand("acuity-emulator", { always: ["ACUITY_USER_ID", "ACUITY_API_KEY"] });
  const webhookTargets = config.ACUITY_WEBHOOK_TARGETS;
  const emulator = await startAcuityEmulator({
    port: config.ACUITY_EMULATOR_PORT,
    host: config.ACUITY_EMULATOR_HOST,
    userId: config.ACUITY_USER_ID,
    apiKey: config.ACUITY_API_KEY,
    webhookTargets,
    stateFile: config.ACUITY_EMULATOR_STATE_FILE,
  });
  printLine(`Acuity emulator: ACUITY_BASE_URL=${emulator.url}`);
  printLine(`Control surface: ${emulator.controlUrl}/ · webhooks → ${webhookTargets.join(", ") || "(none)"}`);

  const shutdown = () => {
    void emulator.stop().finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

void main();
