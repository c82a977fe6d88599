import { databaseErrorOf, isDrizzleQueryError } from "./database-error";

/**
 * Server-log text for any error, safe to write when the error came from the database: drizzle's
 * message is the whole statement with its parameters (examinee names, phones, e-mails) and pg's
 * `detail` repeats row values ("Failing row contains (…)"). Kept: the kind, SQLSTATE, constraint,
 * table and column, Postgres's message, the statement's start without its parameters, and a few
 * stack frames. Short by construction, so a burst of failures cannot flood the log.
 */
export function redactError(error: unknown, options: { frames?: number } = {}): string {
  if (!(error instanceof Error)) return `non-error thrown: ${scrub(String(error)).slice(0, 200)}`;
  const database = databaseErrorOf(error);
  const kind = error.constructor.name || error.name;
  const parts: string[] = [];
  if (database) {
    const where = [
      database.table && `table ${database.table}`,
      database.column && `column ${database.column}`,
      database.constraint && `constraint ${database.constraint}`,
    ]
      .filter(Boolean)
      .join(", ");
    parts.push(`${kind} [SQLSTATE ${database.code}${where ? `; ${where}` : ""}]: ${scrub(database.message)}`);
  } else if (isDrizzleQueryError(error)) {
    parts.push(`${kind}: ${scrub(messageOf(error.cause))}`);
  } else {
    parts.push(`${kind}: ${scrub(error.message)}`);
  }
  if (isDrizzleQueryError(error)) {
    parts.push(
      `statement: ${error.query.replace(/\s+/g, " ").slice(0, 160)}… (${error.params.length} parameters withheld)`,
    );
  }
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.startsWith("    at "))
    .slice(0, options.frames ?? 6);
  return [...parts, ...frames].join("\n").slice(0, 2000);
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error ?? ""));

/**
 * Values that messages quote: Postgres writes them after a colon (`invalid input syntax for type
 * integer: "…"`), identifiers without one (`constraint "x"`); e-mail addresses anywhere.
 */
function scrub(message: string): string {
  return message
    .replace(/: "(?:[^"\\]|\\.)*"/g, ': "[redacted]"')
    .replace(/[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g, "[e-mail]")
    .slice(0, 500);
}
