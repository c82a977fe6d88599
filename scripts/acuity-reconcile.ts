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

const REQUIRED = ["DATABASE_URL", "ACUITY_USER_ID", "ACUITY_API_KEY"] as const;

/**
 * `npm run dev` keeps its embedded Postgres (random port) and emulator credentials in its own
 * child's environment, so a second terminal has none of them: say exactly what to set.
 */
function setupHelp(missing: string[]): string {
  return [
    `acuity:reconcile needs ${REQUIRED.join(", ")} (missing: ${missing.join(", ")}).`,
    "",
    "Against a real Acuity account (ACUITY_BASE_URL defaults to Acuity itself):",
    "  DATABASE_URL=postgres://… ACUITY_USER_ID=<numeric user id> ACUITY_API_KEY=<API key> npm run acuity:reconcile",
    "",
    "Against `npm run dev` (embedded Postgres + local emulator): start it with a fixed database port,",
    "  EMBEDDED_PG_PORT=5433 npm run dev",
    "then, in another terminal:",
    "  DATABASE_URL='postgres://postgres:postgres@127.0.0.1:5433/postgres?sslmode=disable' \\",
    "  ACUITY_USER_ID=10001 ACUITY_API_KEY=local-emulator-api-key ACUITY_BASE_URL=http://127.0.0.1:4010/api/v1 \\",
    "  npm run acuity:reconcile",
    "(or use Admin → Webhooks → Reconcile in the running portal).",
  ].join("\n");
}

const missing = REQUIRED.filter((name) => !process.env[name]?.trim());
if (missing.length > 0) {
  console.error(setupHelp(missing));
  process.exit(2);
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const { values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" } } });
const window = reconcileWindowSchema.safeParse({ from: values.from ?? day(-7), to: values.to ?? day(60) });
if (!window.success) {
  console.error(window.error.issues.map((issue) => issue.message).join("\n"));
  process.exit(2);
}
try {
  const report = await reconcileWindow(getDb(), getAcuityClient(), { from: new Date(window.data.from), to: new Date(window.data.to) });
  console.log(JSON.stringify(report, null, 2));
  // Anything not repaired — a failed appointment or a day that could not be read whole — is a failure.
  process.exitCode = report.failed.length || report.truncated.length ? 1 : 0;
} finally {
  await closeDb();
}
