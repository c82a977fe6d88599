/**
 * A listed booking as the one bookings table shows it (components/bookings/booking-card-rows.ts):
 * a booking waiting in the triage organization is marked so an admin sees what to move, and the
 * team line says what it waits for; any other organization's booking reads as before.
 */
import { describe, expect, it } from "vitest";
import { bookingTableRow } from "@/components/bookings/booking-card-rows";
import type { BookingListRow } from "@/lib/bookings/list-bookings";
import { TRIAGE_ORGANIZATION_SLUG } from "@/lib/organizations/list-organizations";
import { teamLine } from "@/components/bookings/booking-table-row";
import { bookingsTableModel, type BookingHeader } from "@/components/bookings/bookings-table-model";
import { packBookingRows, unpackBookingRows } from "@/components/bookings/booking-row-tuples";
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

describe("the bookings table's model, worked out on the server", () => {
  const model = (pageIndex: number, sort = { id: "appointmentDate", desc: false }, admin = false) =>
    bookingsTableModel({
      sorting: [sort],
      pagination: { pageIndex, pageSize: 25 },
      rowCount: 200,
      selectable: admin,
      showStatus: admin,
      withTools: admin,
    });
  const nextSorts = (headers: BookingHeader[]) =>
    Object.fromEntries(headers.map((header) => [header.id, header.nextSort]));

  it("offers A→Z first, flips the sorted column, and never offers 'unsorted'", () => {
    expect(nextSorts(model(0).headers)).toEqual({
      examineeName: "examineeName.asc",
      appointmentDate: "appointmentDate.desc",
      specialist: "specialist.asc",
      organization: null,
      type: null,
      progress: "progress.asc",
      documents: null,
      createdAt: "createdAt.asc",
    });
    const descending = model(0, { id: "appointmentDate", desc: true }).headers;
    expect(descending.find((header) => header.id === "appointmentDate")).toMatchObject({
      sorted: "desc",
      nextSort: "appointmentDate.asc",
    });
  });

  it("gives Admin → Bookings its checkbox, Status and tools columns, in their places", () => {
    expect(model(0, undefined, true).headers.map((header) => header.id)).toEqual([
      "select",
      "examineeName",
      "appointmentDate",
      "specialist",
      "organization",
      "type",
      "progress",
      "status",
      "documents",
      "createdAt",
      "tools",
    ]);
  });

  it("keeps the top row in view when the page size changes, and goes back a page", () => {
    // Page 3 of 25 starts at row 51: with 50 a page it is on page 2, with 10 on page 6.
    const { pager } = model(2);
    expect(pager.sizes[50]).toEqual({ page: "2", size: "50" });
    expect(pager.sizes[10]).toEqual({ page: "6", size: "10" });
    expect(pager.previous).toEqual({ page: "2", size: "25" });
    expect(pager.next).toEqual({ page: "4" });
    // Back to the first page: the URL drops `page`.
    expect(model(1).pager.previous).toEqual({ page: null, size: "25" });
  });

  it("keeps one model per table state, never another state's, and frozen against changes", () => {
    const first = model(2);
    const sortedByName = model(2, { id: "examineeName", desc: true });
    expect(model(2)).toBe(first);
    expect(sortedByName).not.toBe(first);
    expect(sortedByName.headers.find((header) => header.id === "examineeName")?.sorted).toBe("desc");
    expect(model(2).headers.find((header) => header.id === "examineeName")?.sorted).toBe(false);
    expect(model(3).pager.previous).toEqual({ page: "3", size: "25" });
    expect(() => {
      (first.pager.previous as Record<string, string | null>).page = "9";
    }).toThrow(TypeError);
  });
});

describe("a page of rows on its way to the browser (booking-row-tuples.ts)", () => {
  // Every field set, none at its default: a field dropped or mixed up on the way would show.
  const full = bookingTableRow(
    listed({
      id: "b7",
      claimNumber: "NW-CLM-1",
      caseManagerReference: "REF-9",
      teamId: "A1",
      teamName: "Motor claims",
      appointmentType: "telehealth",
      meetingLink: "https://meet.example/b7",
      currentProgress: "report_generated",
      hasBrief: true,
      reportDocumentId: "d1",
      reportFileName: "report.pdf",
    }),
    actors.platformAdmin,
    "America/Chicago",
  );
  const plain = bookingTableRow(listed({ id: "b8" }), actors.ownerA, null);

  it("reaches the browser as the server wrote it, every field in its place", () => {
    const arrived = unpackBookingRows(JSON.parse(JSON.stringify(packBookingRows([full, plain]))));
    expect(arrived).toEqual([full, plain]);
    expect(arrived[0]!.report).toEqual({ documentId: "d1", fileName: "report.pdf" });
    expect(arrived[0]!.whenViewer).not.toBeNull();
  });

  it("travels without each row's key names: well under two thirds of the objects' bytes", () => {
    const page = Array.from({ length: 25 }, (_, index) => ({ ...full, id: `b${index}` }));
    const packed = JSON.stringify(packBookingRows(page)).length;
    expect(packed).toBeLessThan(JSON.stringify(page).length * 0.65);
  });
});
