import { describe, expect, it } from "vitest";
import {
  changedReferralFields,
  isCalendarDate,
  latestTodayOnEarth,
  referralDetailsSchema,
} from "@/lib/bookings/referral-details";
import { reportDueStatus } from "@/lib/bookings/report-due-status";

describe("the referral details' rules", () => {
  it("stores empty fields as null and trims the rest", () => {
    expect(
      referralDetailsSchema.parse({ claimNumber: "  WC-1 ", dateOfInjury: "", reportType: undefined }),
    ).toEqual({ claimNumber: "WC-1", dateOfInjury: null, reportType: null, caseManagerReference: null });
  });

  it.each([
    ["2026-02-29", false],
    ["2024-02-29", true],
    ["2026-13-01", false],
    ["2026-1-01", false],
    ["2026-04-31", false],
    ["2026-04-30", true],
  ])("%s is a calendar date: %s", (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
  });

  it("takes today's injury wherever today has begun, and refuses tomorrow everywhere", () => {
    const now = new Date("2026-12-02T09:00:00Z");
    // 23:00 in Kiritimati (UTC+14): the 2nd there too; a day later it is the 3rd.
    expect(latestTodayOnEarth(now)).toBe("2026-12-02");
    expect(latestTodayOnEarth(new Date("2026-12-02T11:00:00Z"))).toBe("2026-12-03");
  });

  it("refuses an injury date in the future or before 1900", () => {
    const future = referralDetailsSchema.safeParse({ dateOfInjury: "2999-01-01" });
    const ancient = referralDetailsSchema.safeParse({ dateOfInjury: "1026-05-01" });
    expect(future.error?.issues.map((i) => i.message)).toEqual([
      "The date of injury cannot be in the future",
    ]);
    expect(ancient.error?.issues.map((i) => i.message)).toEqual(["Enter a date after 1900"]);
  });

  it("lists only the fields that changed, with before and after", () => {
    const before = {
      claimNumber: "A",
      dateOfInjury: null,
      reportType: "File review",
      caseManagerReference: null,
    };
    const after = { ...before, claimNumber: "B", dateOfInjury: "2026-01-02" };
    expect(changedReferralFields(before, after)).toEqual({
      claimNumber: { from: "A", to: "B" },
      dateOfInjury: { from: null, to: "2026-01-02" },
    });
  });
});

describe("what the booking page says about the report's due day", () => {
  const zone = "America/Los_Angeles";
  const examined = new Date("2026-03-05T18:00:00Z");
  const base = {
    currentProgress: "scheduled" as const,
    status: "active" as const,
    appointmentDate: examined,
    reportDueOn: "2026-03-19",
  };

  it("says nothing before the examination", () => {
    expect(reportDueStatus(base, zone, new Date("2026-03-05T12:00:00Z"))).toBeNull();
  });

  it("is owed after the examination, on time through the due day in the specialist's zone", () => {
    // 11 PM on the 19th in Los Angeles (already the 20th in UTC): still on time.
    expect(reportDueStatus(base, zone, new Date("2026-03-20T06:00:00Z"))).toEqual({
      kind: "owed",
      dueOn: "2026-03-19",
      overdue: false,
    });
    expect(reportDueStatus(base, zone, new Date("2026-03-20T08:00:00Z"))).toMatchObject({ overdue: true });
  });

  it("is owed while the report is being written, even before the examination time", () => {
    const writing = { ...base, currentProgress: "generating_report" as const };
    expect(reportDueStatus(writing, zone, new Date("2026-03-05T12:00:00Z"))).toMatchObject({ kind: "owed" });
  });

  it("after the report, tells the day it was due; nothing for a cancelled or no-show booking", () => {
    const later = new Date("2026-04-30T12:00:00Z");
    expect(reportDueStatus({ ...base, currentProgress: "report_generated" }, zone, later)).toEqual({
      kind: "delivered",
      dueOn: "2026-03-19",
    });
    expect(reportDueStatus({ ...base, currentProgress: "cancelled" }, zone, later)).toBeNull();
    expect(reportDueStatus({ ...base, currentProgress: "no_show" }, zone, later)).toBeNull();
  });
});
