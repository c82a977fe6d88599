/**
 * Runs the emulator for local dev: `tsx services/acuity-emulator/cli.ts`.
 * Env: ACUITY_EMULATOR_PORT (4010), ACUITY_USER_ID, ACUITY_API_KEY,
 * ACUITY_WEBHOOK_TARGETS (comma-separated URLs), ACUITY_EMULATOR_STATE_FILE.
 */
import { startAcuityEmulator } from "./server";

async function main() {
  const userId = process.env.ACUITY_USER_ID?.trim();
  const apiKey = process.env.ACUITY_API_KEY?.trim();
  if (!userId || !apiKey) {
    console.error("ACUITY_USER_ID and ACUITY_API_KEY must be set (the portal must use the same values).");
    process.exit(1);
  }
  const port = Number(process.env.ACUITY_EMULATOR_PORT ?? 4010);
  const webhookTargets = (process.env.ACUITY_WEBHOOK_TARGETS ?? "")
    .split(",")
    .map((target) => target.trim())
    .filter(Boolean);
  const emulator = await startAcuityEmulator({
    port,
    host: process.env.ACUITY_EMULATOR_HOST || "127.0.0.1",
    userId,
    apiKey,
    webhookTargets,
    stateFile: process.env.ACUITY_EMULATOR_STATE_FILE || undefined,
  });
  console.log(`Acuity emulator: ACUITY_BASE_URL=${emulator.url}`);
  console.log(
    `Control surface: ${emulator.controlUrl}/ · webhooks → ${webhookTargets.join(", ") || "(none)"}`,
  );

  const shutdown = () => {
    void emulator.stop().finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

void main();
