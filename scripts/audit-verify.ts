/**
 * `npm run audit:verify` — recomputes the audit trail's hash chain (lib/audit-seal) and prints
 * the result: on failure the first row changed, removed or inserted out of band (or seal altered
 * or removed) and the rest of the list, exit code 1. The run is stored like the daily job's
 * (Admin → Audit trail shows the latest) and a failure is told to the admins. Reads DATABASE_URL
 * and the seal key (AUDIT_SEAL_KEY, or BETTER_AUTH_SECRET it is derived from) like the portal.
 */
import fs from "node:fs";
import { closeDb, getDb } from "@/db/client";
import { runAuditVerification } from "@/lib/audit-seal/run-verification";
import { config } from "@/lib/config";
import { setEnvironment } from "@/lib/config/environment";
import { runAsJob } from "@/lib/log";
import { AUTH_SECRET_FILE } from "@/services/paths";
import { adoptRunningPortalEnv } from "@/services/running-portal";
import { startCommand } from "@/services/start-command";
import { printLine, printProblem } from "@/services/terminal";

const SHOWN = 20;

startCommand("audit:verify", { inProduction: ["DATABASE_URL"] });
if (!config().DATABASE_URL && adoptRunningPortalEnv())
  printLine(
    "[audit:verify] DATABASE_URL is not set: using the database of the portal running in this checkout",
  );
// Outside production the key comes from the secret `npm run dev` generated, as the portal's does.
if (config().NODE_ENV !== "production" && !config().AUDIT_SEAL_KEY && !config().BETTER_AUTH_SECRET) {
  if (fs.existsSync(AUTH_SECRET_FILE))
    setEnvironment({ BETTER_AUTH_SECRET: fs.readFileSync(AUTH_SECRET_FILE, "utf8").trim() });
}
if (!config().AUDIT_SEAL_KEY && !config().BETTER_AUTH_SECRET) {
  printProblem(
    "[audit:verify] set AUDIT_SEAL_KEY (or BETTER_AUTH_SECRET, which it is derived from) as the portal has it: the seals cannot be checked without their key.",
  );
  process.exit(2);
}

const exitCode = await runAsJob("audit.verify", async () => {
  try {
    const result = await runAuditVerification(getDb(), "command");
    const seconds = (result.durationMs / 1000).toFixed(1);
    const head = result.head ? `seal ${result.head.sequence} ${result.head.hash}` : "no seal yet";
    if (result.ok) {
      printLine(
        `[audit:verify] intact: ${result.rowsChecked} row(s) in ${result.sealsChecked} seal(s) verified in ${seconds} s (${result.awaitingSeal} awaiting their seal); head ${head}`,
      );
      return 0;
    }
    printProblem(
      `[audit:verify] FAILED: ${result.problemCount} problem(s) in ${result.rowsChecked} row(s), ${result.sealsChecked} seal(s) (${seconds} s)`,
    );
    printProblem(`[audit:verify] first: ${result.problems[0]?.sentence ?? "unknown"}`);
    for (const problem of result.problems.slice(1, SHOWN))
      printProblem(`[audit:verify]   ${problem.sentence}`);
    if (result.problemCount > SHOWN)
      printProblem(`[audit:verify]   … and ${result.problemCount - SHOWN} more`);
    return 1;
  } catch (error) {
    printProblem(
      `[audit:verify] could not verify: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 2;
  } finally {
    await closeDb();
  }
});
process.exit(exitCode);
