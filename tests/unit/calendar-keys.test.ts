import { describe, expect, it } from "vitest";
import { addMonthsToDate, dateForKey, monthDelta, weekdayIndex } from "@/components/bookings/calendar-keys";
import { todayIn } from "@/lib/availability/months";

describe("the month grid's keys", () => {
  // 2026-12-09 is a Wednesday.
  const wednesday = "2026-12-09";

  it("arrows move a day sideways and a week up or down", () => {
    expect(dateForKey(wednesday, "ArrowLeft")).toBe("2026-12-08");
    expect(dateForKey(wednesday, "ArrowRight")).toBe("2026-12-10");
    expect(dateForKey(wednesday, "ArrowUp")).toBe("2026-12-02");
    expect(dateForKey(wednesday, "ArrowDown")).toBe("2026-12-16");
  });

  it("Home and End go to the Monday and Sunday of the same week", () => {
    expect(dateForKey(wednesday, "Home")).toBe("2026-12-07");
    expect(dateForKey(wednesday, "End")).toBe("2026-12-13");
    expect(dateForKey("2026-12-07", "Home")).toBe("2026-12-07");
    expect(dateForKey("2026-12-13", "End")).toBe("2026-12-13");
  });

  it("crosses into the neighbouring month and year", () => {
    expect(dateForKey("2026-12-31", "ArrowRight")).toBe("2027-01-01");
    expect(dateForKey("2026-12-01", "ArrowLeft")).toBe("2026-11-30");
    expect(dateForKey("2026-12-29", "ArrowDown")).toBe("2027-01-05");
    // Tuesday 1 December: its week began in November.
    expect(dateForKey("2026-12-01", "Home")).toBe("2026-11-30");
  });

  it("PageUp and PageDown keep the day of the month, inside a shorter month", () => {
    expect(dateForKey(wednesday, "PageDown")).toBe("2027-01-09");
    expect(dateForKey(wednesday, "PageUp")).toBe("2026-11-09");
    expect(dateForKey("2027-01-31", "PageDown")).toBe("2027-02-28");
    expect(addMonthsToDate("2028-01-31", 1)).toBe("2028-02-29");
    expect(dateForKey("2026-03-31", "PageUp")).toBe("2026-02-28");
  });

  it("leaves other keys to the browser", () => {
    for (const key of ["Tab", "Enter", " ", "a", "Escape"]) expect(dateForKey(wednesday, key)).toBeNull();
  });

  it("knows weekdays, month distances and today in a zone", () => {
    expect(weekdayIndex("2026-12-07")).toBe(0);
    expect(weekdayIndex("2026-12-13")).toBe(6);
    expect(monthDelta("2026-12", "2027-01")).toBe(1);
    expect(monthDelta("2027-01", "2026-12")).toBe(-1);
    const instant = new Date("2026-12-02T03:00:00Z");
    expect(todayIn("America/Toronto", instant)).toBe("2026-12-01");
    expect(todayIn("Europe/Berlin", instant)).toBe("2026-12-02");
  });
});
