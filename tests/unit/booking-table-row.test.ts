/**
 * A listed booking as the one bookings table shows it (components/bookings/booking-card-rows.ts):
 * a booking waiting in the triage organization is marked so an admin sees what to move, and the
 * team line says what it waits for; any other organization's booking reads as before.
 */
import { describe, expect, it } from "vitest";
import { bookingTableRow } from "@/components/bookings/booking-card-rows";
import type { BookingListRow } from "@/lib/bookings/list-bookings";
import { TRIAGE_ORGANIZATION_SLUG } from "@/lib/organizations/list-organizations";
import { teamLine } from "@/components/bookings/booking-card-parts";
import { buildActors } from "../support/authz-fixture";

const actors = buildActors((key: string) => key);

const listed = (overrides: Partial<BookingListRow>): BookingListRow => ({
  id: "b1",
  examineeName: "Ada Examinee",
  examineePhone: "+12125550100",
  appointmentDate: new Date("2026-12-10T15:00:00Z"),
  appointmentType: "in_person",
  meetingLink: null,
  currentProgress: "scheduled",
  status: "active",
  source: "acuity_direct",
  claimNumber: null,
  caseManagerReference: null,
  specialistId: "S1",
  specialistName: "Dr Lucas Brennan",
  specialistTimezone: "America/New_York",
  organizationId: "A",
  organizationName: "Northwind Insurance",
  organizationSlug: "northwind-insurance",
  teamId: null,
  teamName: null,
  createdById: "ownerA",
  createdForId: null,
  createdAt: new Date("2026-12-01T12:00:00Z"),
  hasBrief: false,
  hasConsentForm: false,
  reportDocumentId: null,
  reportFileName: null,
  ...overrides,
});

describe("the bookings table's organization cell", () => {
  it("marks a booking in triage and says it needs moving", () => {
    const row = bookingTableRow(
      listed({ organizationSlug: TRIAGE_ORGANIZATION_SLUG, organizationName: "Triage" }),
      actors.platformAdmin,
      null,
    );
    expect(row.inTriage).toBe(true);
    expect(teamLine(row)).toBe("No known organization — move it");
  });

  it("leaves every other organization's booking unmarked, its team or 'No team' under it", () => {
    const teamless = bookingTableRow(listed({}), actors.platformAdmin, null);
    expect(teamless.inTriage).toBe(false);
    expect(teamLine(teamless)).toBe("No team");
    const teamed = bookingTableRow(listed({ teamId: "A1", teamName: "Motor claims" }), actors.ownerA, null);
    expect(teamLine(teamed)).toBe("Motor claims");
  });
});
