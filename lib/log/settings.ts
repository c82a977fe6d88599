import type { LevelWithSilent } from "pino";

export type LogFormat = "json" | "pretty";

export interface LogSettings {
  level: LevelWithSilent;
  format: LogFormat;
}

const LEVELS: readonly LevelWithSilent[] = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];
const FORMATS: readonly LogFormat[] = ["json", "pretty"];

/**
 * LOG_LEVEL (default info) and LOG_FORMAT (default json in production, else pretty): the only
 * place the logger reads the environment. Read when the first line is logged, not at import, so
 * the portal server and the commands have set NODE_ENV and loaded `.env` by then.
 * TODO(config): take both from lib/config once it declares them, and drop this process.env read.
 */
export function readLogSettings(env: NodeJS.ProcessEnv = process.env): LogSettings {
  const level = (env.LOG_LEVEL || "info").toLowerCase();
  const format = (env.LOG_FORMAT || (env.NODE_ENV === "production" ? "json" : "pretty")).toLowerCase();
  if (!LEVELS.includes(level as LevelWithSilent))
    throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(", ")} (it is "${level.slice(0, 20)}")`);
  if (!FORMATS.includes(format as LogFormat))
    throw new Error(`LOG_FORMAT must be json or pretty (it is "${format.slice(0, 20)}")`);
  return { level: level as LevelWithSilent, format: format as LogFormat };
}
