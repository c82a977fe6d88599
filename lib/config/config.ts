import { z } from "zod";
import { environmentVersion, readVariables } from "./environment";
import { VARIABLE_NAMES, VARIABLES, type VariableName } from "./variables";

type Shape = { [K in VariableName]: (typeof VARIABLES)[K]["schema"] };
const shape = Object.fromEntries(VARIABLE_NAMES.map((name) => [name, VARIABLES[name].schema])) as Shape;

const configSchema = z
  .object(shape)
  .superRefine((values, ctx) => {
    // One key without the other is a typo or a half-pasted secret, never an intent.
    if (Boolean(values.S3_ACCESS_KEY_ID) !== Boolean(values.S3_SECRET_ACCESS_KEY)) {
      const missing = values.S3_ACCESS_KEY_ID ? "S3_SECRET_ACCESS_KEY" : "S3_ACCESS_KEY_ID";
      ctx.addIssue({ code: "custom", path: [missing], message: "is not set, but the other S3 key is" });
    }
  })
  .transform((values) => ({
    ...values,
    LOG_FORMAT: values.LOG_FORMAT ?? (values.NODE_ENV === "production" ? "json" : "pretty"),
  }));

/** Every variable of VARIABLES, typed: numbers as numbers, on/off as booleans, lists as arrays. */
export type Config = z.output<typeof configSchema>;

export interface ConfigProblem {
  name: string;
  problem: string;
}

/** What is wrong with the configuration: every problem at once, each with the variable's meaning. */
export class ConfigError extends Error {
  constructor(
    readonly problems: ConfigProblem[],
    heading = "The configuration is not valid",
  ) {
    super(describeProblems(heading, problems));
    this.name = "ConfigError";
  }
}

/** One line per variable: name, what is wrong, what it means. Never the value (it may be a secret). */
export function describeProblems(heading: string, problems: ConfigProblem[]): string {
  const lines = problems.map(({ name, problem }) => {
    const meaning =
      name in VARIABLES ? ` — ${VARIABLES[name as VariableName].meaning.replaceAll("`", "")}` : "";
    return `  ${name}: ${problem}${meaning}`;
  });
  return [`${heading} (${problems.length} variable${problems.length === 1 ? "" : "s"}):`, ...lines].join(
    "\n",
  );
}

/** Parses raw values (unset or empty = default). Throws ConfigError listing every problem. */
export function parseConfig(raw: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(
    VARIABLE_NAMES.map((name) => [name, raw[name]?.trim() || undefined] as const).filter(([, v]) => v),
  );
  const parsed = configSchema.safeParse(present);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => ({
    name: String(issue.path[0] ?? "configuration"),
    problem: issue.message,
  }));
  throw new ConfigError(problems);
}

interface Cached {
  version: number;
  raw: Record<string, string | undefined>;
  value: Config;
}
let cached: Cached | undefined;

const sameValues = (a: Record<string, string | undefined>, b: Record<string, string | undefined>) =>
  VARIABLE_NAMES.every((name) => a[name] === b[name]);

/**
 * The process's configuration, parsed from the environment on first use and cached. A
 * production process's environment is fixed once it has started (writes through
 * lib/config/environment.ts still count), so it is parsed once. Elsewhere the cache is checked
 * against the raw values on every call (microseconds), because tests and the development
 * launcher set variables while the process runs. Throws ConfigError when a value is malformed.
 */
export function config(): Config {
  const version = environmentVersion();
  if (cached?.version === version && cached.value.NODE_ENV === "production") return cached.value;
  const raw = readVariables(VARIABLE_NAMES);
  if (cached?.version === version && sameValues(cached.raw, raw)) return cached.value;
  cached = { version, raw, value: parseConfig(raw) };
  return cached.value;
}
