/**
 * The report's due day as the database keeps it (migration 0014's triggers) agrees with the
 * TypeScript rule (lib/bookings/report-due-date.ts) — across a weekend, across the specialist's
 * zone boundary, with an organization's own setting, after the setting changes (owed reports
 * move, delivered ones keep their day) and after the examination moves. Each case writes its
 * own bookings in its own fixture world, so nothing here depends on other files' rows.
 */
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, organizationSettings, specialists } from "@/db/schema";
import type { ProgressStage } from "@/db/schema/enums";
import { defineAction } from "@/lib/actions/define-action";
import { reportDueDate } from "@/lib/bookings/report-due-date";
import { setReportDueDaysDefinition } from "@/lib/organizations/report-due-setting-definitions";
import { buildActors, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { as } from "./booking-test-world";

let id: IdOf;
let counter = 0;
const NEW_YORK = "America/New_York";
const LOS_ANGELES = "America/Los_Angeles";

beforeAll(async () => {
  ({ id } = await insertAuthzWorld());
  // S1 examines in New York, S2 in Los Angeles (the fixture leaves their zones empty).
  await getDb()
    .update(specialists)
    .set({ timezone: NEW_YORK })
    .where(eq(specialists.id, id("S1")));
  await getDb()
    .update(specialists)
    .set({ timezone: LOS_ANGELES })
    .where(eq(specialists.id, id("S2")));
});

/** A booking of organization `org` with `specialist` at `at`, written straight to the table like any writer. */
async function insertBooking(
  at: Date,
  options: { org?: "A" | "B"; specialist?: "S1" | "S2"; progress?: ProgressStage } = {},
) {
  const bookingId = id(`due-${++counter}`);
  await getDb()
    .insert(bookings)
    .values({
      id: bookingId,
      acuityAppointmentId: id(`due-appointment-${counter}`),
      organizationId: id(options.org ?? "A"),
      teamId: null,
      specialistId: id(options.specialist ?? "S1"),
      createdById: id("ownerA"),
      examineeName: "Examinee due-date",
      examineePhone: "+12125550100",
      appointmentDate: at,
      appointmentType: "telehealth",
      currentProgress: options.progress ?? "scheduled",
      // Booked before the examination (valid_appointment_date).
      createdAt: new Date("2026-01-05T12:00:00Z"),
    });
  return bookingId;
}

async function dueOn(bookingId: string) {
  const [row] = await getDb()
    .select({ due: bookings.reportDueOn })
    .from(bookings)
    .where(eq(bookings.id, bookingId));
  return row?.due;
}

describe("the report's due day kept by the database", () => {
  it("counts business days across the weekend for a Friday examination", async () => {
    // Friday 6 March 2026, 3 PM in New York: ten business days later is Friday 20 March.
    const at = new Date("2026-03-06T20:00:00Z");
    const bookingId = await insertBooking(at);
    expect(await dueOn(bookingId)).toBe("2026-03-20");
    expect(reportDueDate(at, NEW_YORK)).toBe("2026-03-20");
  });

  it("counts from the specialist's day, not UTC's, for a late-evening examination", async () => {
    // Thursday 5 March 2026, 11:30 PM in Los Angeles is already Friday 6 March in UTC.
    const at = new Date("2026-03-06T07:30:00Z");
    const bookingId = await insertBooking(at, { specialist: "S2" });
    expect(reportDueDate(at, LOS_ANGELES)).toBe("2026-03-19");
    expect(await dueOn(bookingId)).toBe("2026-03-19");
    // Counted from UTC's Friday it would be a day later: the zone is what decides.
    expect(reportDueDate(at, "UTC")).toBe("2026-03-20");
  });

  it("uses the organization's own number of business days", async () => {
    await getDb()
      .insert(organizationSettings)
      .values({ organizationId: id("B"), reportDueBusinessDays: 3 })
      .onConflictDoUpdate({
        target: organizationSettings.organizationId,
        set: { reportDueBusinessDays: 3 },
      });
    // Friday 6 March + 3 business days = Wednesday 11 March.
    const at = new Date("2026-03-06T20:00:00Z");
    const bookingId = await insertBooking(at, { org: "B" });
    expect(await dueOn(bookingId)).toBe("2026-03-11");
    expect(reportDueDate(at, NEW_YORK, 3)).toBe("2026-03-11");
  });

  it("moves the reports still owed when an admin changes the setting, and keeps delivered ones' day", async () => {
    const at = new Date("2026-03-04T15:00:00Z"); // Wednesday, 10 AM in New York
    const owed = await insertBooking(at, { progress: "generating_report" });
    const scheduled = await insertBooking(at, { progress: "scheduled" });
    const delivered = await insertBooking(at, { progress: "report_generated" });
    const before = reportDueDate(at, NEW_YORK, 10);
    expect(await dueOn(delivered)).toBe(before);

    const admin = buildActors(id).platformAdmin;
    const result = await defineAction(
      setReportDueDaysDefinition,
      as(admin),
    )({ organizationId: id("A"), reportDueBusinessDays: "5" });
    expect(result).toMatchObject({ ok: true, data: { reportDueBusinessDays: 5, changed: true } });

    const after = reportDueDate(at, NEW_YORK, 5);
    expect(after).toBe("2026-03-11");
    expect(await dueOn(owed)).toBe(after);
    expect(await dueOn(scheduled)).toBe(after);
    // The report was delivered under the old rule: it was due when it was due.
    expect(await dueOn(delivered)).toBe(before);
  });

  it("follows the examination when it moves, and the specialist's zone when that changes", async () => {
    const bookingId = await insertBooking(new Date("2026-03-02T15:00:00Z"), { org: "B" }); // Monday
    expect(await dueOn(bookingId)).toBe("2026-03-05");
    const moved = new Date("2026-03-13T15:00:00Z"); // Friday 13 March, 3 business days → Wed 18
    await getDb().update(bookings).set({ appointmentDate: moved }).where(eq(bookings.id, bookingId));
    expect(await dueOn(bookingId)).toBe(reportDueDate(moved, NEW_YORK, 3));
    expect(await dueOn(bookingId)).toBe("2026-03-18");
  });

  it("gives every owed booking of the world a due day equal to the TypeScript rule", async () => {
    const rows = await getDb()
      .select({
        due: bookings.reportDueOn,
        at: bookings.appointmentDate,
        org: bookings.organizationId,
        progress: bookings.currentProgress,
        zone: specialists.timezone,
      })
      .from(bookings)
      .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
      .where(inArray(bookings.organizationId, [id("A"), id("B")]));
    const settings = await getDb()
      .select()
      .from(organizationSettings)
      .where(inArray(organizationSettings.organizationId, [id("A"), id("B")]));
    const daysOf = (org: string) =>
      settings.find((s) => s.organizationId === org)?.reportDueBusinessDays ?? 10;
    const owed = rows.filter((row) => row.progress !== "report_generated");
    // The fixture's seven bookings and the ones written above.
    expect(owed.length).toBeGreaterThan(10);
    for (const row of owed) expect(row.due).toBe(reportDueDate(row.at, row.zone ?? "UTC", daysOf(row.org)));
  });
});
