/**
 * A named statement's values hidden from the planner (db/named-statement.ts): each text value as a
 * one-row subquery written so `in (…)` reads it as a value, and nothing else touched — a number, an
 * array, a value already hidden or typed keep their text.
 */
import { describe, expect, it } from "vitest";
import { offsetHiddenFromPlanner, textValuesHiddenFromPlanner } from "@/db/named-statement";
import { PgDialect } from "drizzle-orm/pg-core";
import { sql, type SQL } from "drizzle-orm";

describe("textValuesHiddenFromPlanner", () => {
  it("hides each text value, leaves numbers, arrays and hidden or typed values as they are", () => {
    const query = {
      sql:
        `select id from bookings where organization_id in ($1, $2) and created_by_id = $3 and id = any($4::text[])` +
        ` and appointment_date >= (select $5::timestamptz) and status = $10 limit 26 offset (select $11::bigint)`,
      params: [
        "org-a",
        "org-b",
        "user-1",
        ["b1", "b2"],
        "2026-12-06T00:00:00.000Z",
        0,
        0,
        0,
        0,
        "closed",
        25,
      ],
    };
    const hidden = textValuesHiddenFromPlanner(query);
    expect(hidden.sql).toBe(
      `select id from bookings where organization_id in ((select $1::text)::text, (select $2::text)::text)` +
        ` and created_by_id = (select $3::text)::text and id = any($4::text[])` +
        ` and appointment_date >= (select $5::timestamptz) and status = (select $10::text)::text` +
        ` limit 26 offset (select $11::bigint)`,
    );
    expect(hidden.params).toBe(query.params);
    // Hiding twice changes nothing: a hidden value is not hidden again.
    expect(textValuesHiddenFromPlanner(hidden).sql).toBe(hidden.sql);
  });
});

describe("offsetHiddenFromPlanner", () => {
  const text = (offset: number) =>
    new PgDialect().sqlToQuery(sql`select 1 offset ${offsetHiddenFromPlanner(offset) as unknown as SQL}`);
  it("writes a later page's offset as a one-row subquery, and refuses what is not a row count", () => {
    expect(text(25)).toMatchObject({ sql: "select 1 offset (select $1::bigint)", params: [25] });
    expect(offsetHiddenFromPlanner(0)).toBe(0);
    expect(() => offsetHiddenFromPlanner(-1)).toThrow(RangeError);
    expect(() => offsetHiddenFromPlanner(2.5)).toThrow(RangeError);
  });
});
