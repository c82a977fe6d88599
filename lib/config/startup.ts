import {
  config,
  ConfigError,
  describeProblems,
  parseConfig,
  type Config,
  type ConfigProblem,
} from "./config";
import { readVariables } from "./environment";
import { VARIABLE_NAMES, VARIABLES, type VariableName } from "./variables";

/** What a production portal server cannot run without (the variables marked requiredInProduction). */
export const PORTAL_PRODUCTION_REQUIREMENTS = VARIABLE_NAMES.filter(
  (name) => (VARIABLES[name] as { requiredInProduction?: true }).requiredInProduction,
);

/** The configuration, with the variables a start-up check required known to be set. */
export type ConfigWith<Always extends VariableName> = Config & { [K in Always]-?: NonNullable<Config[K]> };

export interface Requirements<Always extends VariableName = VariableName> {
  /** Needed whatever NODE_ENV says (a command with no embedded default for them). */
  always?: readonly Always[];
  /** Needed when NODE_ENV=production, where no embedded default stands in. */
  inProduction?: readonly VariableName[];
}

/**
 * Every problem of the raw environment at once: malformed values, and variables `needs` requires
 * that are unset. With S3_BUCKET required and S3_ENDPOINT set (not AWS), both keys are required too.
 */
export function configProblems(
  raw: Record<string, string | undefined>,
  needs: Requirements = {},
): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  let production = raw.NODE_ENV?.trim() === "production";
  try {
    production = parseConfig(raw).NODE_ENV === "production";
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(...error.problems);
  }
  const required = new Set([...(needs.always ?? []), ...(production ? (needs.inProduction ?? []) : [])]);
  if (required.has("S3_BUCKET") && raw.S3_ENDPOINT?.trim()) {
    required.add("S3_ACCESS_KEY_ID");
    required.add("S3_SECRET_ACCESS_KEY");
  }
  for (const name of required) {
    if (raw[name]?.trim() || problems.some((p) => p.name === name)) continue;
    problems.push({ name, problem: production ? "is not set (required in production)" : "is not set" });
  }
  return problems;
}

/**
 * Called first by every entry point (the portal server, instrumentation.ts, each command), after
 * the .env files are loaded: parses the whole configuration and checks what this entry point
 * needs. On any problem it prints ONE message listing all of them — name, what is wrong, what it
 * means — and exits with status 1, no stack trace. Returns the parsed configuration.
 */
export function checkConfigAtStartup<Always extends VariableName = never>(
  entryPoint: string,
  needs: Requirements<Always> = {},
): ConfigWith<Always> {
  const problems = configProblems(readVariables(VARIABLE_NAMES), needs);
  // Checked just above: every `always` variable is set.
  if (problems.length === 0) return config() as ConfigWith<Always>;
  process.stderr.write(
    `[${entryPoint}] ${describeProblems("cannot start: the configuration is not valid", problems)}\n`,
  );
  process.stderr.write(
    `[${entryPoint}] README.md "Configuration" lists every variable; .env.example has them all.\n`,
  );
  process.exit(1);
}
