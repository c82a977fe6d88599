/**
 * The bookings list's statement is the sort's fixed text (built once) around the picked ids'
 * select (built per call) — booking-list-statement.ts. It must be, character for character and
 * parameter for parameter, the statement drizzle builds whole: for every kind of viewer, sort,
 * view, search, filter and page.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { describe, expect, it } from "vitest";
import type { DbOrTx } from "@/db/client";
import * as schema from "@/db/schema";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { bookingListStatement, bookingListStatementBuiltWhole } from "@/lib/bookings/booking-list-statement";
import { pickedBookingIds, type BookingListOptions } from "@/lib/bookings/list-bookings";
import { ACTOR_KEYS, buildActors } from "../support/authz-fixture";

// Building a statement touches no database: drizzle's mock builds exactly as a connected one.
const db = drizzle.mock({ schema }) as unknown as DbOrTx;
const actors = buildActors((key) => `${key}-id`);
const now = new Date("2026-12-05T12:00:00Z");

const SORTS = ["appointmentDate", "examineeName", "createdAt", "specialist", "progress"].flatMap((column) =>
  ["asc", "desc"].map((direction) => `${column}.${direction}`),
);
const SHAPES: Record<string, string>[] = [
  {},
  { view: "all", page: "3" },
  { view: "cancelled", size: "100" },
  { view: "all", q: "brenn" },
  { view: "all", q: "CLM-2025-336133" },
  { view: "all", q: "646 555" },
  { view: "all", progress: "payment_received", q: "kowal" },
  { view: "all", status: "archived", type: "telehealth", source: "acuity_direct" },
  { view: "past", from: "2026-01-01", to: "2026-02-01", specialist: "s1", team: "t1" },
];

function optionsOf(
  params: Record<string, string>,
  sort: string,
  searchBy: BookingListOptions["searchBy"],
): BookingListOptions {
  const state = parseBookingListParams({ ...params, sort });
  return {
    filters: { ...state.filters, timeZone: "America/Chicago" },
    search: state.search,
    view: state.view,
    sort: state.sort,
    now,
    searchBy,
    limit: state.pageSize + 1,
    offset: (state.page - 1) * state.pageSize,
  };
}

describe("the bookings list's statement", () => {
  it.each(SORTS)("is the statement drizzle builds whole, sorted by %s", (sort) => {
    let compared = 0;
    for (const actorKey of ACTOR_KEYS) {
      for (const params of SHAPES) {
        for (const searchBy of ["walk", "scoped-keys", { matchIds: ["b1", "b2"] }] as const) {
          const options = optionsOf(params, sort, searchBy);
          const spliced = bookingListStatement(
            db,
            pickedBookingIds(db, actors[actorKey], options),
            options.sort!,
          );
          const whole = bookingListStatementBuiltWhole(
            db,
            pickedBookingIds(db, actors[actorKey], options),
            options.sort!,
          );
          expect(spliced.sql, `${actorKey} ${JSON.stringify(params)}`).toBe(whole.sql);
          expect(spliced.params).toEqual(whole.params);
          compared++;
        }
      }
    }
    expect(compared).toBe(ACTOR_KEYS.length * SHAPES.length * 3);
  });

  it("lists its columns in the select list's order, the report last", () => {
    const options = optionsOf({}, "appointmentDate.desc", "walk");
    const { sql, columns } = bookingListStatement(
      db,
      pickedBookingIds(db, actors.ownerA, options),
      options.sort!,
    );
    expect(columns.slice(0, 3)).toEqual(["id", "examineeName", "examineePhone"]);
    expect(columns.at(-1)).toBe("report");
    expect(sql).toMatch(/^select "id", "examinee_name", "examinee_phone", /);
  });

  it("gives each viewer their own scope, asked one after the other on the same sort", () => {
    const options = optionsOf({}, "appointmentDate.desc", "walk");
    const statementFor = (actorKey: "ownerA" | "memberB1") =>
      bookingListStatement(db, pickedBookingIds(db, actors[actorKey], options), options.sort!);
    const owner = statementFor("ownerA");
    const member = statementFor("memberB1");
    expect(owner.params).toContain("A-id");
    expect(owner.params).not.toContain("B-id");
    expect(member.params).toContain("B-id");
    expect(member.params).not.toContain("A-id");
    expect(member.sql).not.toBe(owner.sql);
  });
});
