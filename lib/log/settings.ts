import { config } from "@/lib/config";
import { readVariables } from "@/lib/config/environment";
import { VARIABLES, type LogLevel } from "@/lib/config/variables";

export type LogFormat = "json" | "pretty";

export interface LogSettings {
  level: LogLevel;
  format: LogFormat;
}

/**
 * LOG_LEVEL and LOG_FORMAT as lib/config declares them (info; json in production, else pretty).
 * Read when the first line is logged, not at import, so the portal server and the commands have
 * set NODE_ENV and loaded `.env` by then. Should another variable be malformed, config() throws —
 * the log must still work then (it is how that problem gets reported), so the two are read alone,
 * each falling back to its default when it is the malformed one.
 */
export function readLogSettings(): LogSettings {
  try {
    const { LOG_LEVEL, LOG_FORMAT } = config();
    return { level: LOG_LEVEL, format: LOG_FORMAT };
  } catch {
    const raw = readVariables(["LOG_LEVEL", "LOG_FORMAT", "NODE_ENV"]);
    const level = VARIABLES.LOG_LEVEL.schema.safeParse(raw.LOG_LEVEL);
    const format = VARIABLES.LOG_FORMAT.schema.safeParse(raw.LOG_FORMAT);
    return {
      level: level.success ? level.data : "info",
      format: (format.success && format.data) || (raw.NODE_ENV === "production" ? "json" : "pretty"),
    };
  }
}
