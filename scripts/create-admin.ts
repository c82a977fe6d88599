/**
 * `npm run admin:create -- --name "Ada Admin" --email ada@example.com` — the first platform
 * admin of an empty production database (sign-up is off, and the demo seed is not for
 * production). The password is asked twice at the terminal without echo, or read from stdin
 * with `--password-stdin` (automation: `printf %s "$PW" | … --password-stdin`). Refuses when an
 * admin exists unless `--force`. Audited as `admin.bootstrapped` by the system user.
 * Needs DATABASE_URL and BETTER_AUTH_SECRET, like the portal. The image runs it as
 * `node commands/create-admin.mjs …`.
 *
 * Exit codes: 0 created; 1 refused (admins exist, e-mail taken), failed, or configuration missing;
 * 2 bad usage or input.
 */
import { parseArgs } from "node:util";
import { closeDb, getDb } from "@/db/client";
import { checkConfigAtStartup } from "@/lib/config";
import { readVariables } from "@/lib/config/environment";
import { redactError } from "@/lib/errors/redact-error";
import { bootstrapAdmin } from "@/lib/users/bootstrap-admin";
import { loadCommandEnv } from "@/services/command-env";
import { adoptRunningPortalEnv } from "@/services/running-portal";
import { printLine, printProblem } from "@/services/terminal";
import { promptHidden, readPasswordFromStdin } from "./read-password";

const USAGE =
  'usage: npm run admin:create -- --name "Full Name" --email someone@example.com [--password-stdin] [--force]';

function fail(message: string, code: number): never {
  printProblem(message);
  process.exit(code);
}

const { values } = (() => {
  try {
    return parseArgs({
      options: {
        name: { type: "string" },
        email: { type: "string" },
        "password-stdin": { type: "boolean", default: false },
        force: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    return fail(`admin:create: ${(error as Error).message}\n${USAGE}`, 2);
  }
})();
if (!values.name || !values.email) fail(`admin:create: --name and --email are required\n${USAGE}`, 2);

async function readPassword(): Promise<string> {
  if (values["password-stdin"]) return readPasswordFromStdin();
  if (!process.stdin.isTTY)
    fail("admin:create: stdin is not a terminal; pipe the password in with --password-stdin", 2);
  const first = await promptHidden("Password for the new admin (at least 12 characters, not a common one): ");
  const second = await promptHidden("The same password again: ");
  if (first !== second) fail("admin:create: the two passwords differ; nothing was created", 2);
  return first;
}

loadCommandEnv();
// A running `npm run dev` in this checkout: its embedded database, unless DATABASE_URL is set.
if (!readVariables(["DATABASE_URL"]).DATABASE_URL) adoptRunningPortalEnv();
// Every configuration problem in one message (exit 1) before the password is asked for.
checkConfigAtStartup("admin:create", { always: ["DATABASE_URL", "BETTER_AUTH_SECRET"] });

const password = await readPassword();
let exitCode = 1;
try {
  const result = await bootstrapAdmin(
    getDb(),
    { name: values.name, email: values.email, password },
    {
      force: values.force,
    },
  );
  if (result.ok) {
    if (result.adminsBefore > 0)
      printLine(`admin:create: --force: ${result.adminsBefore} platform admin(s) existed before this one`);
    printLine(
      `admin:create: platform admin ${values.email.trim().toLowerCase()} created; sign in at /sign-in`,
    );
    exitCode = 0;
  } else if (result.reason === "invalid") {
    printProblem(`admin:create: nothing was created:\n  ${result.problems.join("\n  ")}`);
    exitCode = 2;
  } else if (result.reason === "email_taken") {
    printProblem("admin:create: a user with this e-mail already exists; nothing was created");
  } else {
    printProblem(
      `admin:create: ${result.adminsBefore} platform admin(s) already exist; nothing was created. ` +
        "Sign in as one of them, or run again with --force to add another admin.",
    );
  }
} catch (error) {
  // Never the error's message as is: a database error's carries the statement and its parameters.
  printProblem(`admin:create: failed, nothing was created: ${redactError(error, { frames: 0 })}`);
} finally {
  await closeDb();
}
process.exit(exitCode);
