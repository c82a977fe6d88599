import { describe, expect, it } from "vitest";
import { TtlCache } from "@/lib/availability/ttl-cache";
import { splitName } from "@/lib/bookings/acuity-booking-input";
import { toAcuityDatetime } from "@/lib/bookings/acuity-datetime-in-zone";
import { bookingListQuery, parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { formatPhone, normalizePhone } from "@/lib/bookings/phone";
import { cityOf } from "@/lib/specialists/city";

describe("phone numbers", () => {
  it("stores what people type as E.164, reading bare numbers as US ones", () => {
    expect(normalizePhone("(212) 555-0142")).toBe("+12125550142");
    expect(normalizePhone("212.555.0142")).toBe("+12125550142");
    expect(normalizePhone("+44 20 7946 0958")).toBe("+442079460958");
  });
  it("refuses what is not a phone number", () => {
    expect(normalizePhone("555-12")).toBeNull();
    expect(normalizePhone("020 7946 0958")).toBeNull(); // a UK number without its country code
  });
  it("shows home numbers nationally and others internationally", () => {
    expect(formatPhone("+12125550142")).toBe("(212) 555-0142");
    expect(formatPhone("+442079460958")).toBe("+44 20 7946 0958");
  });
  it("formats a number the same when it is drawn again, in each home country", () => {
    expect(formatPhone("+12125550142")).toBe("(212) 555-0142");
    expect(formatPhone("+12125550142", "GB")).toBe("+1 212 555 0142");
    expect(formatPhone("+12125550142")).toBe("(212) 555-0142");
    expect(formatPhone("not a number")).toBe("not a number");
    expect(formatPhone("not a number")).toBe("not a number");
  });
});

describe("the availability cache", () => {
  it("shares one load per key within the TTL and loads again after it", async () => {
    let now = 0;
    let loads = 0;
    const cache = new TtlCache<number>(1_000, 10, () => now);
    const load = async () => ++loads;
    expect(await Promise.all([cache.getOrLoad("k", load), cache.getOrLoad("k", load)])).toEqual([1, 1]);
    now = 999;
    expect(await cache.getOrLoad("k", load)).toBe(1);
    now = 1_000;
    expect(await cache.getOrLoad("k", load)).toBe(2);
  });
  it("does not keep failures, and forgets a calendar's keys on request", async () => {
    const cache = new TtlCache<string>(60_000);
    await expect(cache.getOrLoad("cal:1:x", () => Promise.reject(new Error("429")))).rejects.toThrow("429");
    expect(await cache.getOrLoad("cal:1:x", async () => "fresh")).toBe("fresh");
    cache.forget("cal:1:");
    expect(await cache.getOrLoad("cal:1:x", async () => "after booking")).toBe("after booking");
  });
});

describe("the bookings table URL", () => {
  it("round-trips a shared view and drops defaults", () => {
    const state = parseBookingListParams({
      q: "garc",
      progress: "scheduled,rescheduled",
      sort: "examineeName.asc",
      page: "3",
      size: "50",
      team: "none",
    });
    expect(parseBookingListParams(Object.fromEntries(new URLSearchParams(bookingListQuery(state))))).toEqual(
      state,
    );
    expect(bookingListQuery(parseBookingListParams({}))).toBe("");
  });
  it("ignores values it does not know instead of failing", () => {
    const state = parseBookingListParams({
      progress: "scheduled,teleported",
      sort: "password.asc",
      page: "-4",
      size: "7",
      from: "tomorrow",
    });
    expect(state).toMatchObject({
      page: 1,
      pageSize: 25,
      // The default view is Upcoming, whose natural order is the nearest examination first.
      view: "upcoming",
      sort: { column: "appointmentDate", direction: "asc" },
      filters: { progress: ["scheduled"], from: undefined },
    });
  });
});

describe("Acuity formats", () => {
  it("writes an instant as the calendar's wall time with its offset, across DST", () => {
    expect(toAcuityDatetime(new Date("2026-12-01T14:00:00Z"), "America/New_York")).toBe(
      "2026-12-01T09:00:00-05:00",
    );
    expect(toAcuityDatetime(new Date("2026-07-01T13:00:00Z"), "America/New_York")).toBe(
      "2026-07-01T09:00:00-04:00",
    );
    expect(toAcuityDatetime(new Date("2026-07-01T13:00:00Z"), "Asia/Kolkata")).toBe(
      "2026-07-01T18:30:00+05:30",
    );
  });
  it("splits a full name into Acuity's first and last name", () => {
    expect(splitName("Mary Ann  van Dyke")).toEqual({ firstName: "Mary Ann van", lastName: "Dyke" });
    expect(splitName("Cher")).toEqual({ firstName: "Cher", lastName: "-" });
  });
  it("reads the city from a calendar address", () => {
    expect(cityOf("120 Park Ave, New York, NY")).toBe("New York");
    expect(cityOf(null)).toBeNull();
  });
});
