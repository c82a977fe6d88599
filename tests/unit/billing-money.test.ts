import { describe, expect, it } from "vitest";
import { formatMoney, moneyInputValue, parseMoney, parsePercent, taxOf } from "@/lib/billing/money";
import { isLateCancellation } from "@/lib/billing/late-cancellation";

describe("parseMoney", () => {
  it.each([
    ["450.00", 45_000],
    ["450", 45_000],
    ["450.5", 45_050],
    [" 1,250.75 ", 125_075],
    ["$99.99", 9_999],
    ["0", 0],
    ["0.01", 1],
  ])("reads %j as %i cents", (text, minor) => {
    expect(parseMoney(text, "CAD")).toBe(minor);
  });

  it.each(["", "abc", "-3.00", "4.505", "1e3", "12.3.4", "12,34", "2OO", "99999999999"])(
    "refuses %j",
    (text) => {
      expect(parseMoney(text, "CAD")).toBeNull();
    },
  );

  it("follows the currency's minor units: none for JPY, three for BHD", () => {
    expect(parseMoney("4500", "JPY")).toBe(4500);
    expect(parseMoney("45.5", "JPY")).toBeNull();
    expect(parseMoney("1.234", "BHD")).toBe(1234);
  });

  it("never goes through a float that loses a cent", () => {
    // 0.29 * 100 is 28.999999999999996 in floating point.
    expect(parseMoney("0.29", "CAD")).toBe(29);
    expect(parseMoney("1234567.89", "CAD")).toBe(123_456_789);
  });
});

describe("formatMoney and the input value", () => {
  it("formats by currency with Intl", () => {
    expect(formatMoney(45_000, "CAD")).toBe("$450.00");
    expect(formatMoney(125_075, "USD", "en-US")).toBe("$1,250.75");
    expect(formatMoney(4500, "JPY", "en-US")).toBe("¥4,500");
    expect(formatMoney(45_000, "EUR", "en-US")).toBe("€450.00");
  });

  it("gives back what parseMoney reads", () => {
    for (const minor of [0, 1, 29, 45_000, 123_456_789]) {
      expect(parseMoney(moneyInputValue(minor, "CAD"), "CAD")).toBe(minor);
    }
    expect(moneyInputValue(4500, "JPY")).toBe("4500");
  });
});

describe("tax", () => {
  it("reads a rate in percent as basis points", () => {
    expect(parsePercent("13")).toBe(1300);
    expect(parsePercent("13.00 %")).toBe(1300);
    expect(parsePercent("4.975")).toBeNull();
    expect(parsePercent("101")).toBeNull();
  });

  it("rounds a line's tax half up to the cent", () => {
    expect(taxOf(45_000, 1300)).toBe(5_850);
    expect(taxOf(50, 1300)).toBe(7); // 6.5 → 7
    expect(taxOf(1, 1300)).toBe(0);
  });
});

describe("the late-cancellation window", () => {
  const at = (iso: string) => new Date(iso);

  it("is late within the window, including at its very start and after the start time", () => {
    const appointmentAt = at("2026-06-10T14:00:00Z");
    const late = (cancelledAt: string) =>
      isLateCancellation({ cancelledAt: at(cancelledAt), appointmentAt, windowHours: 48 });
    expect(late("2026-06-08T13:59:59Z")).toBe(false);
    expect(late("2026-06-08T14:00:00Z")).toBe(true);
    expect(late("2026-06-10T13:59:00Z")).toBe(true);
    expect(late("2026-06-10T15:00:00Z")).toBe(true);
  });

  it("counts real hours across a daylight-saving change, not wall-clock hours", () => {
    // Toronto springs forward on Sunday 2026-03-08 at 2:00 AM: 9:00 AM Monday EDT is 13:00 UTC.
    // 24 real hours before is 13:00 UTC Sunday = 9:00 AM EDT Sunday (the wall clock shows the same
    // time); 9:00 AM Saturday EST (14:00 UTC) is 47 real hours before, outside a 24-hour window.
    const appointmentAt = at("2026-03-09T13:00:00Z");
    expect(
      isLateCancellation({ cancelledAt: at("2026-03-08T13:00:00Z"), appointmentAt, windowHours: 24 }),
    ).toBe(true);
    expect(
      isLateCancellation({ cancelledAt: at("2026-03-08T12:59:59Z"), appointmentAt, windowHours: 24 }),
    ).toBe(false);
    // Falls back on 2026-11-01: an appointment at 9:00 AM EST Monday (14:00 UTC); "9:00 AM the day
    // before" on the wall clock is 25 real hours earlier (13:00 UTC Sunday is 8:00 AM EST) —
    // 24 hours before is 14:00 UTC Sunday = 9:00 AM EST, after the 1:00–2:00 repeat.
    const afterFallBack = at("2026-11-02T14:00:00Z");
    expect(
      isLateCancellation({
        cancelledAt: at("2026-11-01T14:00:00Z"),
        appointmentAt: afterFallBack,
        windowHours: 24,
      }),
    ).toBe(true);
    expect(
      isLateCancellation({
        cancelledAt: at("2026-11-01T13:00:00Z"),
        appointmentAt: afterFallBack,
        windowHours: 24,
      }),
    ).toBe(false);
  });

  it("gives the same answer whatever zone the instants were written in", () => {
    const appointmentAt = at("2026-07-01T09:00:00+10:00"); // Sydney morning = 23:00 UTC the day before
    const cancelledAt = at("2026-06-29T19:30:00-04:00"); // New York evening = 23:30 UTC
    expect(isLateCancellation({ cancelledAt, appointmentAt, windowHours: 24 })).toBe(true);
    expect(isLateCancellation({ cancelledAt, appointmentAt, windowHours: 23 })).toBe(false);
  });

  it("a zero-hour window charges only a cancellation at or after the start", () => {
    const appointmentAt = at("2026-06-10T14:00:00Z");
    expect(
      isLateCancellation({ cancelledAt: at("2026-06-10T13:59:59Z"), appointmentAt, windowHours: 0 }),
    ).toBe(false);
    expect(isLateCancellation({ cancelledAt: appointmentAt, appointmentAt, windowHours: 0 })).toBe(true);
  });
});
