import pino, { type DestinationStream, type Logger } from "pino";
import { prettyFactory } from "pino-pretty";
import { redactError } from "@/lib/errors/redact-error";
import { currentLogContext } from "./context";
import { redactPaths } from "./redact-paths";
import { readLogSettings, type LogSettings } from "./settings";

export type { Logger } from "pino";

/**
 * `err` (and `error`) fields: the redacted text of lib/errors/redact-error.ts — a database
 * error's statement without its parameters, Postgres's message without quoted values — as
 * `message`, and a few of its stack frames as `stack`; never the raw message, which for drizzle
 * is the whole statement with examinee data. Short by construction, so a burst cannot flood the log.
 */
function serializeError(error: unknown): { type: string; message: string; stack?: string } {
  const type = error instanceof Error ? error.constructor.name || error.name : typeof error;
  const lines = redactError(error, { frames: STACK_FRAMES }).split("\n");
  const frames = lines.filter((line) => line.startsWith("    at "));
  const message = lines.filter((line) => !line.startsWith("    at ")).join("\n");
  return frames.length > 0 ? { type, message, stack: frames.join("\n") } : { type, message };
}
const STACK_FRAMES = 4;

/**
 * Human-readable lines for a terminal, written synchronously by the calling thread: pino-pretty's
 * formatter without its stream or transport (a transport is a worker thread, which Next's server
 * bundle cannot start, and a stream pipeline can lose the last lines when a command exits).
 */
function prettyDestination(destination: DestinationStream): DestinationStream {
  const format = prettyFactory({
    colorize: process.stdout.isTTY === true,
    translateTime: "SYS:HH:MM:ss.l",
    ignore: "pid,hostname",
  });
  return { write: (line: string) => destination.write(format(line)) };
}

/**
 * A logger with the portal's rules: redaction by REDACTED_KEYS, redacted errors, and on every
 * line the request or job context (request id, user id, route or job). Tests pass a destination
 * to read the lines; the portal writes to stdout.
 */
export function createLogger(settings: LogSettings, destination: DestinationStream = process.stdout): Logger {
  return pino(
    {
      level: settings.level,
      redact: { paths: redactPaths(), censor: "[redacted]" },
      serializers: { err: serializeError, error: serializeError },
      mixin: () => ({ ...currentLogContext() }),
    },
    settings.format === "pretty" ? prettyDestination(destination) : destination,
  );
}

let instance: Logger | undefined;

/** The process's logger, made on first use (so importing it reads no settings). */
export function getLogger(): Logger {
  return (instance ??= createLogger(readLogSettings()));
}

/**
 * The portal's logger: `log.error({ event: "…", err }, "what happened")`. Lazily bound to
 * getLogger(), so modules can import it at the top and still start without LOG_* read.
 */
export const log: Logger = new Proxy({} as Logger, {
  get(_target, key) {
    const logger = getLogger();
    const value: unknown = Reflect.get(logger, key, logger);
    return typeof value === "function" ? (value as (...args: unknown[]) => unknown).bind(logger) : value;
  },
});
