/**
 * What the bookings page says of its view's count when the count is a lower bound (a capped count,
 * or a search's capped pass — count-bookings.ts): exact where the list ends on this page, never
 * less than the rows shown, and nothing on a tab nothing is known of.
 */
import { describe, expect, it } from "vitest";
import { bookingCountLine } from "@/components/bookings/booking-count-line";
import { countWords } from "@/components/bookings/list-view-tabs";
import { viewOnThisPage } from "@/lib/bookings/list-booking-page";

const PAGE = 25;
const atLeast = (total: number) => ({ total, capped: true });

describe("the view's count on its page", () => {
  it("keeps an exact count as it is", () => {
    expect(viewOnThisPage({ total: 40, capped: false }, 16, 25, PAGE)).toEqual({ total: 40, capped: false });
  });

  it("is exact where the list ends on this page", () => {
    // Page 3 holds 7 rows (no 26th fetched): the view has 57.
    expect(viewOnThisPage(atLeast(12), 7, 50, PAGE)).toEqual({ total: 57, capped: false });
    // Nothing on the first page: nothing at all.
    expect(viewOnThisPage(atLeast(0), 0, 0, PAGE)).toEqual({ total: 0, capped: false });
  });

  it("is never less than the last row shown while more follow", () => {
    // Page 50 of a view the pass saw 700 of: 1,250 at least.
    expect(viewOnThisPage(atLeast(700), PAGE + 1, 1_225, PAGE)).toEqual({ total: 1_250, capped: true });
    expect(viewOnThisPage(atLeast(1_000), PAGE + 1, 0, PAGE)).toEqual({ total: 1_000, capped: true });
  });

  it("says nothing new of a page past the end", () => {
    expect(viewOnThisPage(atLeast(300), 0, 5_000, PAGE)).toEqual({ total: 300, capped: true });
  });
});

describe("a tab's count in words", () => {
  it("reads exact, capped and unknown counts", () => {
    expect(countWords({ total: 1_234, capped: false })).toBe("1,234");
    expect(countWords({ total: 1_000, capped: true })).toBe("1,000+");
    expect(countWords({ total: 0, capped: false })).toBe("0");
    expect(countWords({ total: 0, capped: true })).toBe("");
  });
});

describe("the line over the table", () => {
  const counts = (all: { total: number; capped: boolean }) => ({
    upcoming: atLeast(31),
    past: atLeast(819),
    cancelled: atLeast(151),
    all,
  });

  it("counts the view's bookings, exact or capped", () => {
    const page = { viewCounts: counts({ total: 40, capped: false }), searchCountIsPartial: false };
    expect(bookingCountLine({ ...page, total: 1, totalIsCapped: false }, "upcoming ")).toBe(
      "1 upcoming booking",
    );
    expect(bookingCountLine({ ...page, total: 1_000, totalIsCapped: true }, "past ")).toBe(
      "1,000+ past bookings",
    );
  });

  it("says how many a broad search matched, not the view's partial count, and what would count them", () => {
    const page = {
      total: 31,
      totalIsCapped: true,
      viewCounts: counts({ total: 250, capped: true }),
      searchCountIsPartial: true,
    };
    expect(bookingCountLine(page, "upcoming ")).toBe(
      "250+ bookings match the search; narrow it to count each view exactly",
    );
  });
});
