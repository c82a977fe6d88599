import { describe, expect, it } from "vitest";
import {
  acuityDatetimeOffsetMinutes,
  isAcuityDatetime,
  normalizeAcuityDatetime,
  parseAcuityDatetime,
  sameAcuityInstant,
} from "@/lib/acuity/datetime";
import { acuityAppointmentSchema } from "@/lib/acuity/schemas";
import { formatAcuityDatetime, zonedTimeToInstant } from "@/services/acuity-emulator/time-zone";

describe("Acuity datetimes", () => {
  it("reads Acuity's -0500 offset and the colon form as the same instant", () => {
    expect(parseAcuityDatetime("2026-12-01T09:00:00-0500").toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(parseAcuityDatetime("2026-12-01T09:00:00-05:00").toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(sameAcuityInstant("2026-12-01T09:00:00-0500", "2026-12-01T06:00:00-08:00")).toBe(true);
    expect(sameAcuityInstant("2026-12-01T09:00:00-0500", "2026-12-01T09:00:00-0600")).toBe(false);
  });

  it("handles positive, half-hour and Z offsets", () => {
    expect(parseAcuityDatetime("2026-12-01T20:30:00+0530").toISOString()).toBe("2026-12-01T15:00:00.000Z");
    expect(acuityDatetimeOffsetMinutes("2026-12-01T20:30:00+0530")).toBe(330);
    expect(acuityDatetimeOffsetMinutes("2026-12-01T09:00:00-0500")).toBe(-300);
    expect(acuityDatetimeOffsetMinutes("2026-12-01T14:00:00Z")).toBe(0);
    expect(normalizeAcuityDatetime("2026-12-01T09:00-0500")).toBe("2026-12-01T09:00:00-05:00");
  });

  it("refuses datetimes without an offset and display strings", () => {
    for (const value of ["2026-12-01T09:00:00", "December 1, 2026", "9:00am", "2026-12-01"]) {
      expect(isAcuityDatetime(value)).toBe(false);
      expect(() => parseAcuityDatetime(value)).toThrow(RangeError);
    }
  });

  it("keeps the appointment's datetime string exactly as Acuity sent it", () => {
    const appointment = acuityAppointmentSchema.parse({
      id: 1,
      datetime: "2026-12-01T09:00:00-0500",
      duration: "60",
      calendarID: 7101,
      appointmentTypeID: 501,
      firstName: "Ann",
      lastName: "Lee",
      email: "ann@example.test",
      phone: null,
      timezone: "America/New_York",
      calendarTimezone: "America/New_York",
      canceled: false,
      location: "",
      notes: "",
      forms: [],
      datetimeCreated: "2026-11-20T10:00:00-0500",
      calendar: "Dr. Amelia Hart",
      type: "IME",
      somethingAcuityAddedLater: { nested: true },
    });
    expect(appointment.datetime).toBe("2026-12-01T09:00:00-0500");
    expect(appointment.duration).toBe("60");
    expect(appointment.phone).toBe("");
    expect(appointment.scheduledBy).toBeNull();
    expect((appointment as Record<string, unknown>).somethingAcuityAddedLater).toEqual({ nested: true });
  });
});

describe("emulator zone arithmetic", () => {
  it("formats wall-clock times with the zone's offset, winter and summer", () => {
    expect(
      formatAcuityDatetime(zonedTimeToInstant("2026-12-01", "09:00", "America/New_York"), "America/New_York"),
    ).toBe("2026-12-01T09:00:00-0500");
    expect(
      formatAcuityDatetime(zonedTimeToInstant("2026-07-01", "09:00", "America/New_York"), "America/New_York"),
    ).toBe("2026-07-01T09:00:00-0400");
    // Phoenix has no DST: same offset all year.
    expect(
      formatAcuityDatetime(zonedTimeToInstant("2026-07-01", "07:00", "America/Phoenix"), "America/Phoenix"),
    ).toBe("2026-07-01T07:00:00-0700");
  });

  it("re-expresses one instant in another zone", () => {
    const nineInNewYork = zonedTimeToInstant("2026-12-01", "09:00", "America/New_York");
    expect(formatAcuityDatetime(nineInNewYork, "America/Los_Angeles")).toBe("2026-12-01T06:00:00-0800");
  });

  it("gets the day after spring-forward right", () => {
    // 2026-03-08 is the US DST switch; 09:00 that day is already EDT.
    expect(
      formatAcuityDatetime(zonedTimeToInstant("2026-03-08", "09:00", "America/Chicago"), "America/Chicago"),
    ).toBe("2026-03-08T09:00:00-0500");
  });
});
