/**
 * Enum words written into a statement's text (db/enum-words.ts): the known words as literals, and
 * anything else refused before it could reach the text — the list filters' statuses come from the URL.
 */
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { enumWordRows, inEnumWords } from "@/db/enum-words";
import { bookings } from "@/db/schema";
import { BOOKING_STATUSES, PROGRESS_STAGES, type BookingStatus } from "@/db/schema/enums";

const dialect = new PgDialect();

describe("enum words in the text", () => {
  it("writes known words as literals, with no parameter", () => {
    const query = dialect.sqlToQuery(inEnumWords(bookings.status, BOOKING_STATUSES, ["closed", "archived"]));
    expect(query).toEqual({ sql: `"bookings"."status" in ('closed', 'archived')`, params: [] });
    expect(dialect.sqlToQuery(enumWordRows(PROGRESS_STAGES, ["scheduled", "no_show"])).sql).toBe(
      "('scheduled'), ('no_show')",
    );
  });

  it("refuses a word its enum does not have, or one that could end the literal", () => {
    const smuggled = ["active') or true or ('x"] as unknown as BookingStatus[];
    expect(() => inEnumWords(bookings.status, BOOKING_STATUSES, smuggled)).toThrow(RangeError);
    expect(() => inEnumWords(bookings.status, BOOKING_STATUSES, ["pending" as BookingStatus])).toThrow(
      RangeError,
    );
    // Even a list that holds such a word does not get it into the text.
    const tainted = [...BOOKING_STATUSES, "x' or '1" as BookingStatus];
    expect(() => inEnumWords(bookings.status, tainted, ["x' or '1" as BookingStatus])).toThrow(RangeError);
  });
});
