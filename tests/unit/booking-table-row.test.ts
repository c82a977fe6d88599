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
import { bookingsTableOf } from "@/components/bookings/bookings-table";
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

describe("the bookings table's headers and pager, worked out on the server", () => {
  const rows = [
    bookingTableRow(listed({ id: "b1" }), actors.ownerA, null),
    bookingTableRow(listed({ id: "b2", examineeName: "Bo Examinee" }), actors.ownerA, null),
  ];
  const model = (pageIndex: number, sort = { id: "appointmentDate", desc: false }) =>
    bookingsTableOf({
      rows,
      sorting: [sort],
      pagination: { pageIndex, pageSize: 25 },
      rowCount: 200,
    });
  const nextOrders = (table: ReturnType<typeof model>["table"]) =>
    Object.fromEntries(
      table
        .getHeaderGroups()[0]!
        .headers.map((header) => [
          header.column.id,
          header.column.getCanSort() && header.column.getNextSortingOrder(),
        ]),
    );

  it("offers A→Z first, flips the sorted column, and never offers 'unsorted'", () => {
    expect(nextOrders(model(0).table)).toEqual({
      examineeName: "asc",
      appointmentDate: "desc",
      specialist: "asc",
      organization: false,
      type: false,
      progress: "asc",
      documents: false,
      createdAt: "asc",
    });
    expect(nextOrders(model(0, { id: "appointmentDate", desc: true }).table).appointmentDate).toBe("asc");
  });

  it("keeps the top row in view when the page size changes, and goes back a page", () => {
    // Page 3 of 25 starts at row 51: with 50 a page it is on page 2, with 10 on page 6.
    const { table, changesOf } = model(2);
    expect(changesOf(() => table.setPageSize(50))).toEqual({ page: "2", size: "50" });
    expect(changesOf(() => table.setPageSize(10))).toEqual({ page: "6", size: "10" });
    expect(changesOf(() => table.previousPage())).toEqual({ page: "2", size: "25" });
    // Back to the first page: the URL drops `page`.
    const second = model(1);
    expect(second.changesOf(() => second.table.previousPage())).toEqual({ page: null, size: "25" });
  });

  it("lays out one row per booking, in the order the server gave", () => {
    expect(
      model(0)
        .table.getRowModel()
        .rows.map((row) => row.id),
    ).toEqual(["b1", "b2"]);
  });
});
