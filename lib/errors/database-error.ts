/**
 * What Postgres said about a failed statement, found wherever it sits: drizzle wraps pg's
 * error in a DrizzleQueryError (its `cause`), a raw pool query throws pg's error itself.
 */
export interface DatabaseErrorFacts {
  /** SQLSTATE, e.g. 23514 (check violation), 22001 (value too long). */
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
  /** Postgres's message: names tables and constraints; values only in a few codes (see redact-error.ts). */
  message: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

export function databaseErrorOf(error: unknown): DatabaseErrorFacts | null {
  for (
    let current = error, depth = 0;
    current && depth < 5;
    current = (current as { cause?: unknown }).cause, depth++
  ) {
    const candidate = current as {
      code?: unknown;
      severity?: unknown;
      constraint?: string;
      table?: string;
      column?: string;
      message?: string;
    };
    if (
      typeof candidate.code === "string" &&
      SQLSTATE.test(candidate.code) &&
      typeof candidate.severity === "string"
    ) {
      return {
        code: candidate.code,
        constraint: candidate.constraint,
        table: candidate.table,
        column: candidate.column,
        message: candidate.message ?? "",
      };
    }
  }
  return null;
}

/** drizzle's wrapper: its message is the whole statement *with its parameters*. */
export function isDrizzleQueryError(error: unknown): error is Error & { query: string; params: unknown[] } {
  return (
    error instanceof Error &&
    typeof (error as { query?: unknown }).query === "string" &&
    Array.isArray((error as { params?: unknown }).params)
  );
}

/**
 * Failures the same statement would meet again however often it is retried: the data breaks a
 * rule (check, not-null) or cannot be stored at all (too long, a NUL character, bad encoding).
 * Unique and foreign-key violations are left out — a concurrent writer can cause those, and
 * the next attempt may pass.
 */
export function isPermanentDatabaseError(facts: DatabaseErrorFacts): boolean {
  return facts.code === "23514" || facts.code === "23502" || facts.code.startsWith("22");
}
