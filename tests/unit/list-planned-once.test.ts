/**
 * Which bookings lists keep one plan per connection (a named statement, db/named-statement.ts).
 * A generic plan is blind to parameters: a filter whose best plan hangs on its value (a date
 * range's width, a search's pattern) is planned for each call; one whose few values are written
 * into the text (status, type, source) keeps a plan for each value.
 */
import { describe, expect, it } from "vitest";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { plannedOnce, type BookingListOptions } from "@/lib/bookings/list-bookings";

const optionsOf = (params: Record<string, string>, searchBy?: BookingListOptions["searchBy"]) => {
  const state = parseBookingListParams(params);
  return { search: state.search, searchBy, filters: { ...state.filters, timeZone: "America/Chicago" } };
};

describe("which lists keep one plan", () => {
  it("keeps one for the views and sorts with no filter", () => {
    expect(plannedOnce(optionsOf({}))).toBe(true);
    expect(plannedOnce(optionsOf({ view: "past", sort: "createdAt.desc", page: "3" }))).toBe(true);
  });

  it("keeps one for Status, Type and Source filters, whose words are in the text", () => {
    expect(plannedOnce(optionsOf({ view: "all", status: "closed" }))).toBe(true);
    expect(plannedOnce(optionsOf({ type: "telehealth" }))).toBe(true);
    expect(plannedOnce(optionsOf({ view: "all", source: "acuity_direct" }))).toBe(true);
    expect(plannedOnce(optionsOf({ view: "all", type: "in_person", progress: "no_show" }))).toBe(true);
  });

  it("keeps one for filters that lead an index of their own (stage, specialist, team)", () => {
    expect(plannedOnce(optionsOf({ view: "all", progress: "generating_report" }))).toBe(true);
    expect(plannedOnce(optionsOf({ view: "all", specialist: "s1", team: "t1" }))).toBe(true);
  });

  it.each([
    ["a search", { q: "brennan" }],
    ["a type with a search", { type: "telehealth", q: "brennan" }],
    ["a date range", { from: "2026-01-01", to: "2026-02-01" }],
  ])("plans every call with %s", (_, params) => {
    expect(plannedOnce(optionsOf({ view: "all", ...params }))).toBe(false);
    expect(plannedOnce(optionsOf({ view: "all", ...params }, "scoped-keys"))).toBe(false);
  });

  it("keeps one for a search's rows walked past its count's cap, which no pattern can move off the walk", () => {
    expect(plannedOnce(optionsOf({ view: "all", q: "brennan" }, "walk"))).toBe(true);
    expect(plannedOnce(optionsOf({ view: "all", type: "telehealth", q: "ma" }, "walk"))).toBe(true);
    // A date range's width still decides its plan, walked or not.
    expect(plannedOnce(optionsOf({ q: "brennan", from: "2026-01-01", to: "2026-02-01" }, "walk"))).toBe(
      false,
    );
  });

  it("keeps one for a search's page picked from its matches' ids, whatever was searched and whatever the dates", () => {
    const picked = { matchIds: ["b1", "b2"] };
    expect(plannedOnce(optionsOf({ view: "all", q: "brennan" }, picked))).toBe(true);
    expect(plannedOnce(optionsOf({ q: "brennan", from: "2026-01-01", to: "2026-02-01" }, picked))).toBe(true);
  });
});
