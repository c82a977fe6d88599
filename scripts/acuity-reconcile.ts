/**
 * `npm run acuity:reconcile -- --from 2026-11-01 --to 2026-12-31`: reads every Acuity
 * appointment of the window and makes the bookings match (repairs missed webhooks).
 * Uses DATABASE_URL and the ACUITY_* variables; defaults to the last 7 and next 60 days.
 */
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db/client";
import { getAcuityClient } from "@/lib/acuity";
import { reconcileWindow } from "@/lib/acuity-sync/reconcile";
import { reconcileWindowSchema } from "@/lib/acuity-sync/schemas";
import { config } from "@/lib/config";
import { startCommand } from "@/services/start-command";
import { adoptRunningPortalEnv } from "@/services/running-portal";
import { printLine, printProblem } from "@/services/terminal";

const REQUIRED = ["DATABASE_URL", "ACUITY_USER_ID", "ACUITY_API_KEY"] as const;

/**
 * Without a running `npm run dev` on this checkout (whose embedded Postgres and emulator it
 * adopts by itself), say exactly what to set.
 */
function setupHelp(missing: string[]): string {
  return [
    `acuity:reconcile needs ${REQUIRED.join(", ")} (missing: ${missing.join(", ")}).`,
    "",
    "Against a real Acuity account (ACUITY_BASE_URL defaults to Acuity itself):",
    "  DATABASE_URL=postgres://… ACUITY_USER_ID=<numeric user id> ACUITY_API_KEY=<API key> npm run acuity:reconcile",
    "",
    "Against the embedded default: start `npm run dev` in this checkout and run this command again",
    "in another terminal; it uses that portal's database and Acuity emulator by itself",
    "(or use Admin → Webhooks → Reconcile in the running portal).",
  ].join("\n");
}

// A running `npm run dev` here: its embedded database and emulator, unless DATABASE_URL/ACUITY_* say otherwise.
startCommand("acuity:reconcile", { inProduction: REQUIRED });
if (!config().DATABASE_URL && adoptRunningPortalEnv())
  printLine("[acuity:reconcile] using the services of the portal running in this checkout");
const missing = REQUIRED.filter((name) => !config()[name]);
if (missing.length > 0) {
  printProblem(setupHelp(missing));
  process.exit(2);
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
const window = reconcileWindowSchema.safeParse({ from: values.from ?? day(-7), to: values.to ?? day(60) });
if (!window.success) {
  printProblem(window.error.issues.map((issue) => issue.message).join("\n"));
  process.exit(2);
}
try {
  const report = await reconcileWindow(getDb(), getAcuityClient(), {
    from: new Date(window.data.from),
    to: new Date(window.data.to),
  });
  printLine(JSON.stringify(report, null, 2));
  // Anything not repaired — a failed appointment, a day that could not be read whole, an owed cancellation Acuity refused — is a failure.
  process.exitCode = report.failed.length || report.truncated.length || report.abandoned.failed ? 1 : 0;
} finally {
  await closeDb();
}
