/**
 * Referral details on a booking (issue 15): given when booking (stored, or field errors and
 * nothing booked), edited on the booking page by those who may change the booking (audited with
 * before/after; "not found" for anyone who cannot see it), and the report's due day following a
 * reschedule made through the portal.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookingRequests, bookings } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { createBookingDefinition, rescheduleBookingDefinition } from "@/lib/bookings/booking-actions";
import { editReferralDetailsDefinition } from "@/lib/bookings/referral-details-definitions";
import { reportDueDate } from "@/lib/bookings/report-due-date";
import { auditRowsFor } from "../support/audit-rows";
import {
  as,
  freeSlots,
  startBookingWorld,
  telehealthBookingForm,
  type BookingForm,
  type BookingWorld,
} from "./booking-test-world";

let world: BookingWorld;
beforeAll(async () => {
  world = await startBookingWorld();
});
afterAll(() => world.stop());

const bookingRow = async (id: string) =>
  (await getDb().select().from(bookings).where(eq(bookings.id, id)))[0]!;
const portalAppointments = () => world.emulator.listAllAppointments().filter((a) => a.firstName !== "Seed");

const referral = {
  claimNumber: "WC-2026-00417",
  dateOfInjury: "2025-11-03",
  reportType: "Independent medical examination",
  caseManagerReference: "  CM/NY/8812  ",
};

describe("booking with referral details", () => {
  it("stores them with the booking, trimmed, and the database gives the report its due day", async () => {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    const result = await defineAction(
      createBookingDefinition,
      as(world.actors.memberA1),
    )(telehealthBookingForm(world, slot!.datetime, referral));
    expect(result.ok).toBe(true);
    const row = await bookingRow(result.ok ? result.data.bookingId : "");
    expect(row).toMatchObject({
      claimNumber: "WC-2026-00417",
      dateOfInjury: "2025-11-03",
      reportType: "Independent medical examination",
      caseManagerReference: "CM/NY/8812",
      reportDueOn: reportDueDate(new Date(slot!.startsAt), world.telehealthSpecialist.timezone),
    });
  });

  it("leaves them empty when the form leaves them out", async () => {
    const [, slot] = await freeSlots(world, world.telehealthSpecialist, 2);
    const result = await defineAction(
      createBookingDefinition,
      as(world.actors.memberA1),
    )(telehealthBookingForm(world, slot!.datetime, { claimNumber: "", dateOfInjury: "" }));
    expect(result.ok).toBe(true);
    const row = await bookingRow(result.ok ? result.data.bookingId : "");
    expect(row).toMatchObject({
      claimNumber: null,
      dateOfInjury: null,
      reportType: null,
      caseManagerReference: null,
    });
  });

  it.each<[string, Partial<BookingForm>, Record<string, unknown>]>([
    [
      "an injury in the future",
      { dateOfInjury: "2999-01-01" },
      { dateOfInjury: ["The date of injury cannot be in the future"] },
    ],
    [
      "a day that does not exist",
      { dateOfInjury: "2026-02-30" },
      { dateOfInjury: [expect.stringMatching(/real date/)] },
    ],
    ["a date in another format", { dateOfInjury: "03/11/2025" }, { dateOfInjury: [expect.any(String)] }],
    [
      "a claim number and a reference that are too long",
      { claimNumber: "C".repeat(101), caseManagerReference: "R".repeat(101) },
      { claimNumber: ["Use at most 100 characters"], caseManagerReference: ["Use at most 100 characters"] },
    ],
    [
      "a report type that is too long",
      { reportType: "T".repeat(121) },
      { reportType: ["Use at most 120 characters"] },
    ],
  ])("refuses %s with field errors, and books nothing", async (_, overrides, fieldErrors) => {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    const before = portalAppointments().length;
    const form = telehealthBookingForm(world, slot!.datetime, { ...referral, ...overrides });
    const result = await defineAction(createBookingDefinition, as(world.actors.memberA1))(form);
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors });
    expect(portalAppointments()).toHaveLength(before);
    const requests = await getDb()
      .select()
      .from(bookingRequests)
      .where(eq(bookingRequests.idempotencyKey, form.idempotencyKey));
    expect(requests).toEqual([]);
  });
});

describe("editing a booking's referral details", () => {
  const edit = (actorKey: keyof BookingWorld["actors"]) =>
    defineAction(editReferralDetailsDefinition, as(world.actors[actorKey]));

  it("saves the changed fields and audits each one's before and after", async () => {
    const bookingId = world.bookingIds.aTeam1;
    const first = await edit("memberA1")({ bookingId, ...referral });
    expect(first).toMatchObject({ ok: true, data: { changed: expect.arrayContaining(["claimNumber"]) } });

    const second = await edit("ownerA")({
      bookingId,
      ...referral,
      caseManagerReference: "CM/NY/9001",
      dateOfInjury: "",
    });
    expect(second).toMatchObject({ ok: true, data: { changed: ["dateOfInjury", "caseManagerReference"] } });
    expect(await bookingRow(bookingId)).toMatchObject({
      claimNumber: "WC-2026-00417",
      dateOfInjury: null,
      caseManagerReference: "CM/NY/9001",
    });

    const audits = (await auditRowsFor("booking", bookingId)).filter(
      (row) => row.action === "booking.referral_details_changed",
    );
    expect(audits).toHaveLength(2);
    const byOwner = audits.find((row) => row.userId === world.id("ownerA"));
    expect(byOwner?.metadata).toEqual({
      changes: {
        dateOfInjury: { from: "2025-11-03", to: null },
        caseManagerReference: { from: "CM/NY/8812", to: "CM/NY/9001" },
      },
    });
    // No examinee data rides along in the audit row.
    expect(JSON.stringify(byOwner?.metadata)).not.toContain("Examinee");
  });

  it("writes and audits nothing when nothing changed", async () => {
    const bookingId = world.bookingIds.aNoTeam;
    await edit("adminA")({ bookingId, claimNumber: "MAT-77" });
    const auditsBefore = (await auditRowsFor("booking", bookingId)).length;
    const again = await edit("adminA")({ bookingId, claimNumber: " MAT-77 " });
    expect(again).toMatchObject({ ok: true, data: { changed: [] } });
    expect(await auditRowsFor("booking", bookingId)).toHaveLength(auditsBefore);
  });

  it("lets a platform admin change them", async () => {
    const result = await edit("platformAdmin")({
      bookingId: world.bookingIds.bTeam1,
      reportType: "File review",
    });
    expect(result.ok).toBe(true);
    expect((await bookingRow(world.bookingIds.bTeam1)).reportType).toBe("File review");
  });

  it.each<[string, keyof BookingWorld["actors"], "aTeam1" | "aTeam2" | "bTeam1"]>([
    ["a member of another organization", "memberB1", "aTeam1"],
    ["a member of the organization outside the booking's team", "memberA1", "aTeam2"],
    ["someone in no organization", "outsider", "aTeam1"],
    // The specialist sees their booking but the referral is the referrer's to describe.
    ["the booking's specialist", "specialistS1", "aTeam2"],
  ])("answers %s 'not found' and changes nothing", async (_, actorKey, bookingKey) => {
    const bookingId = world.bookingIds[bookingKey];
    const before = await bookingRow(bookingId);
    const result = await edit(actorKey)({ bookingId, claimNumber: "HIJACKED-1" });
    expect(result).toMatchObject({ ok: false, code: "not_found" });
    expect((await bookingRow(bookingId)).claimNumber).toBe(before.claimNumber);
  });

  it("says which field to fix", async () => {
    const result = await edit("memberA1")({
      bookingId: world.bookingIds.aTeam1,
      dateOfInjury: "2999-12-31",
      claimNumber: "x".repeat(101),
    });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: {
        dateOfInjury: ["The date of injury cannot be in the future"],
        claimNumber: ["Use at most 100 characters"],
      },
    });
  });

  it("refuses an archived booking", async () => {
    const bookingId = world.bookingIds.aTeam2ForMember;
    await getDb().update(bookings).set({ status: "archived" }).where(eq(bookings.id, bookingId));
    const result = await edit("ownerA")({ bookingId, claimNumber: "LATE-1" });
    expect(result).toMatchObject({ ok: false, code: "conflict" });
    expect((await bookingRow(bookingId)).claimNumber).toBeNull();
  });
});

describe("the report's due day after a reschedule in the portal", () => {
  it("moves with the examination", async () => {
    const [first, , later] = await freeSlots(world, world.telehealthSpecialist, 3);
    const booked = await defineAction(
      createBookingDefinition,
      as(world.actors.memberA1),
    )(telehealthBookingForm(world, first!.datetime, referral));
    if (!booked.ok) throw new Error(booked.error);
    const bookingId = booked.data.bookingId;
    const zone = world.telehealthSpecialist.timezone;
    expect((await bookingRow(bookingId)).reportDueOn).toBe(reportDueDate(new Date(first!.startsAt), zone));

    const moved = await defineAction(
      rescheduleBookingDefinition,
      as(world.actors.memberA1),
    )({
      bookingId,
      expectedProgress: "scheduled",
      expectedAppointmentDate: first!.startsAt,
      datetime: later!.datetime,
    });
    expect(moved.ok).toBe(true);
    const row = await bookingRow(bookingId);
    expect(row.reportDueOn).toBe(reportDueDate(new Date(later!.startsAt), zone));
    // The referral details stay as they were.
    expect(row.claimNumber).toBe("WC-2026-00417");
  });
});
