import { DrizzleQueryError } from "drizzle-orm";
import { DatabaseError } from "pg";
import { describe, expect, it } from "vitest";
import { redactError } from "@/lib/errors/redact-error";

function pgError(message: string, fields: Partial<DatabaseError>) {
  return Object.assign(new DatabaseError(message, 0, "error"), { severity: "ERROR", ...fields });
}

describe("redactError (what reaches the server log)", () => {
  const params = ["bk_1", "Quinn Private", "+12125550163", "quinn@private.example"];
  const query =
    'insert into "bookings" ("id", "examinee_name", "examinee_phone", "examinee_email") values ($1, $2, $3, $4)';

  it("keeps Postgres's code, constraint and message and the statement, but none of its parameters or row values", () => {
    const cause = pgError(
      'new row for relation "bookings" violates check constraint "valid_appointment_date"',
      {
        code: "23514",
        table: "bookings",
        constraint: "valid_appointment_date",
        detail: "Failing row contains (bk_1, Quinn Private, +12125550163, quinn@private.example).",
      },
    );
    const text = redactError(new DrizzleQueryError(query, params, cause));
    expect(text).toMatch(/SQLSTATE 23514; table bookings, constraint valid_appointment_date/);
    expect(text).toMatch(/violates check constraint "valid_appointment_date"/);
    expect(text).toMatch(/insert into "bookings".*4 parameters withheld/);
    for (const value of params.slice(1)) expect(text).not.toContain(value);
  });

  it("drops a value Postgres quotes in its message, and e-mail addresses in any message", () => {
    const cause = pgError('invalid input syntax for type integer: "Quinn Private"', { code: "22P02" });
    expect(redactError(new DrizzleQueryError("select 1", [], cause))).not.toContain("Quinn");
    expect(
      redactError(new Error("Acuity refused: The email address quinn@private.example is not valid.")),
    ).not.toContain("quinn@");
  });

  it("stays short however large the statement and its parameters are", () => {
    const huge = new DrizzleQueryError(
      `insert into webhook_events ${"x".repeat(50_000)}`,
      Array.from({ length: 500 }, () => "body".repeat(100)),
      new Error("boom"),
    );
    expect(redactError(huge).length).toBeLessThanOrEqual(2000);
  });
});
