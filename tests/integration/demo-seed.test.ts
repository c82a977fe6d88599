import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookingProgress, bookings, specialists, users } from "@/db/schema";
import { BOOKING_STATUSES, PROGRESS_STAGES } from "@/db/schema/enums";
import { buildDemoBookings, DEMO_BOOKING_COUNT, FIRST_DEMO_APPOINTMENT_ID } from "@/db/seed/demo-bookings";
import { DEMO_ORGANIZATIONS } from "@/db/seed/demo-people";
import { seedDemoData } from "@/db/seed/seed";
import { DEMO_CALENDARS } from "@/lib/acuity/demo-calendars";
import { loadActor } from "@/lib/authz/load-actor";
import { listBookingsForViewer } from "@/lib/bookings/list-bookings";

// The run's global setup loaded the demo world (tests/support/global-setup.ts).

/**
 * The seed's own appointments, by their exact id range. Emulators seeded with the demo
 * appointments allocate new ids just above it (800061, …), and other files book through them
 * into the same database, so a prefix such as '80%' would count their bookings too.
 */
const demoAppointmentIds = Array.from({ length: DEMO_BOOKING_COUNT }, (_, i) =>
  String(FIRST_DEMO_APPOINTMENT_ID + i),
);
const isDemoAppointment = inArray(bookings.acuityAppointmentId, demoAppointmentIds);

/** What a demo persona sees of the demo bookings (other files add bookings to demo organizations too). */
async function visibleOrganizations(email: string) {
  const [user] = await getDb().select({ id: users.id }).from(users).where(eq(users.email, email));
  const actor = await loadActor(getDb(), user!.id, null);
  const demoIds = new Set(
    (await getDb().select({ id: bookings.id }).from(bookings).where(isDemoAppointment)).map((r) => r.id),
  );
  // Every status: the default list leaves archived bookings out, and this is about who sees what.
  const everyStatus = { status: [...BOOKING_STATUSES] };
  const rows = (
    await listBookingsForViewer(getDb(), actor!, { limit: 100_000, filters: everyStatus })
  ).filter((row) => demoIds.has(row.id));
  return { count: rows.length, organizations: new Set(rows.map((r) => r.organizationName)), rows };
}

describe("the demo seed", () => {
  it("loads once and is a no-op the second time", async () => {
    expect(await seedDemoData(getDb(), buildDemoBookings(new Date()))).toBe(false);
    const [{ count }] = (await getDb()
      .select({ count: sql<number>`count(*)::int` })
      .from(bookings)
      .where(isDemoAppointment)) as [{ count: number }];
    expect(count).toBe(DEMO_BOOKING_COUNT);
  });

  it("covers every progress stage, both sources and both appointment types", async () => {
    const rows = await getDb()
      .selectDistinct({ p: bookings.currentProgress, s: bookings.source, t: bookings.appointmentType })
      .from(bookings)
      .where(isDemoAppointment);
    expect(new Set(rows.map((r) => r.p))).toEqual(new Set(PROGRESS_STAGES));
    expect(new Set(rows.map((r) => r.s))).toEqual(new Set(["portal", "acuity_direct"]));
    expect(new Set(rows.map((r) => r.t))).toEqual(new Set(["in_person", "telehealth"]));
  });

  it("links six specialists to the emulator's calendars, one of them telehealth-only", async () => {
    const rows = await getDb()
      .select()
      .from(specialists)
      .where(sql`${specialists.acuityCalendarId} IN ${DEMO_CALENDARS.map((c) => String(c.id))}`);
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.location === null)).toHaveLength(1);
    expect(new Set(rows.map((r) => r.specialty)).size).toBeGreaterThanOrEqual(5);
  });

  it("gives every booking a progress history ending in its current stage", async () => {
    const mismatched = await getDb().execute(sql`
      SELECT ${bookings.id} FROM ${bookings}
      WHERE ${isDemoAppointment} AND ${bookings.currentProgress} <> (
        SELECT p.progress FROM ${bookingProgress} p WHERE p.booking_id = ${bookings.id} ORDER BY p.created_at DESC LIMIT 1)`);
    expect(mismatched.rows).toEqual([]);
  });

  it("writes each stage as the lifecycle would: by whom it allows, in order, report stages after the examination", async () => {
    const rows = await getDb()
      .select({
        bookingId: bookings.id,
        progress: bookingProgress.progress,
        at: bookingProgress.createdAt,
        appointmentDate: bookings.appointmentDate,
        byBooker: sql<boolean>`${bookingProgress.changedById} = ${bookings.createdById}`,
        bySpecialist: sql<boolean>`${bookingProgress.changedById} = ${specialists.userId}`,
        byAdmin: sql<boolean>`${users.role} = 'admin'`,
      })
      .from(bookingProgress)
      .innerJoin(bookings, eq(bookings.id, bookingProgress.bookingId))
      .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
      .innerJoin(users, eq(users.id, bookingProgress.changedById))
      .where(isDemoAppointment)
      .orderBy(bookings.id, bookingProgress.createdAt);
    const wrong = rows.filter((row) => {
      if (!row.at || row.at > new Date()) return true;
      if (row.progress === "payment_received") return !row.byAdmin;
      if (["no_show", "generating_report", "report_generated"].includes(row.progress))
        return !row.bySpecialist || row.at < row.appointmentDate;
      return !row.byBooker;
    });
    expect(wrong).toEqual([]);
    expect(new Set(rows.map((row) => row.progress))).toEqual(new Set(PROGRESS_STAGES));
  });

  it("shows an organization owner all and only their organization's bookings", async () => {
    const owner = await visibleOrganizations("owner@northwind.test");
    expect(owner.count).toBe(DEMO_BOOKING_COUNT / DEMO_ORGANIZATIONS.length);
    expect([...owner.organizations]).toEqual(["Northwind Insurance"]);
  });

  it("shows a team member fewer bookings than the owner: none of the other team's", async () => {
    const owner = await visibleOrganizations("owner@northwind.test");
    const member = await visibleOrganizations("motor@northwind.test");
    expect(member.count).toBeGreaterThan(0);
    expect(member.count).toBeLessThan(owner.count);
    expect(member.rows.some((r) => r.teamName === "Workers Compensation")).toBe(false);
  });

  it("shows a specialist only their own examinations", async () => {
    const seen = await visibleOrganizations(DEMO_CALENDARS[0]!.email);
    const planned = buildDemoBookings(new Date()).filter((plan) => plan.calendarIndex === 0).length;
    expect(planned).toBeGreaterThan(0);
    expect(seen.count).toBe(planned);
    expect(new Set(seen.rows.map((r) => r.specialistName))).toEqual(
      new Set([DEMO_CALENDARS[0]!.specialistName]),
    );
  });
});
