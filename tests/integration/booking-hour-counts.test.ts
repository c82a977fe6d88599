/**
 * The live bookings per hour and stage the database keeps (migration 0032's statement triggers,
 * lib/homes/booking-hour-counts.ts), which the admin's per-week chart sums: after every kind of
 * change — a booking made, several in one statement, moved to another week, its stage changed,
 * archived and back, deleted, an upsert — the chart reads what the bookings themselves say, and the
 * scheduled fold leaves one row per hour and stage without changing a number. In a year of its own
 * (2097), so no other file's bookings fall in these weeks.
 */
import { randomBytes } from "node:crypto";
import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookingHourCounts, bookings } from "@/db/schema";
import type { ProgressStage } from "@/db/schema/enums";
import { bookingsPerWeekByStage, chartWeekEdges, countBookingsBetweenEdges } from "@/lib/homes/admin-home";
import {
  countsBetweenHourEdges,
  foldBookingHourCounts,
  onWholeUtcHour,
  type BucketCount,
} from "@/lib/homes/booking-hour-counts";
import { buildActors, buildBookings, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";

/** Wednesday 13 March 2097, 12:00 in Denver (MDT since Sunday the 10th); this week's Monday is the 11th. */
const NOW = new Date("2097-03-13T18:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ZONE = "America/Denver";
/** 2097-03-11 09:30 Denver: this week's Monday morning. */
const THIS_MONDAY_MORNING = new Date("2097-03-11T15:30:00Z");

let id: IdOf;
let admin: ReturnType<typeof buildActors>["platformAdmin"];
let serial = 0;

async function makeBookings(at: Date[], stage: ProgressStage = "scheduled"): Promise<string[]> {
  const facts = buildBookings(id).aTeam2;
  const rows = at.map((appointmentDate) => {
    const bookingId = id(`hours-${serial++}`);
    return {
      ...facts,
      id: bookingId,
      acuityAppointmentId: `${bookingId}-${randomBytes(3).toString("hex")}`,
      examineeName: "Examinee hours",
      examineePhone: "+12125550100",
      appointmentDate,
      appointmentType: "in_person" as const,
      currentProgress: stage,
    };
  });
  await getDb().insert(bookings).values(rows);
  return rows.map((row) => row.id);
}

/** The admin's chart in Denver: 12 weeks, this one last. */
async function chart() {
  return bookingsPerWeekByStage(getDb(), admin, NOW, ZONE);
}
const thisWeek = async () => (await chart()).at(-1)!.counts;
const lastWeek = async () => (await chart()).at(-2)!.counts;

/** The chart's numbers from the kept hours and from the bookings themselves, side by side. */
async function bothWays() {
  const { edges } = chartWeekEdges(NOW, ZONE);
  const byKey = (rows: BucketCount[]) => {
    const sums: Record<string, number> = {};
    for (const row of rows)
      sums[`${row.bucket}:${row.stage}`] = (sums[`${row.bucket}:${row.stage}`] ?? 0) + row.n;
    for (const key of Object.keys(sums)) if (sums[key] === 0) delete sums[key];
    return sums;
  };
  return {
    kept: byKey(await countsBetweenHourEdges(getDb(), edges)),
    counted: byKey(await countBookingsBetweenEdges(getDb(), admin, edges)),
  };
}

beforeAll(async () => {
  const world = await insertAuthzWorld({ withMemberships: true });
  id = world.id;
  admin = buildActors(id).platformAdmin;
});

describe("the kept counts per hour and stage", () => {
  it("follow every kind of change to bookings, and the admin's chart reads them", async () => {
    expect(await thisWeek()).toMatchObject({ scheduled: 0 });

    // Made, three in one statement (two in the same hour).
    const [first, second, third] = await makeBookings([
      THIS_MONDAY_MORNING,
      new Date(THIS_MONDAY_MORNING.getTime() + 10 * 60_000),
      new Date(THIS_MONDAY_MORNING.getTime() + 2 * DAY),
    ]);
    expect(await thisWeek()).toMatchObject({ scheduled: 3 });

    // Moved back a week: it leaves this week and enters the last.
    await getDb()
      .update(bookings)
      .set({
        appointmentDate: new Date(THIS_MONDAY_MORNING.getTime() - 7 * DAY),
        currentProgress: "rescheduled",
      })
      .where(eq(bookings.id, first!));
    expect(await thisWeek()).toMatchObject({ scheduled: 2, rescheduled: 0 });
    expect(await lastWeek()).toMatchObject({ rescheduled: 1 });

    // Stage changed, two in one statement; a change of something else leaves the counts alone.
    await getDb()
      .update(bookings)
      .set({ currentProgress: "report_generated" })
      .where(inArray(bookings.id, [second!, third!]));
    await getDb().update(bookings).set({ notes: "called the examinee" }).where(eq(bookings.id, second!));
    expect(await thisWeek()).toMatchObject({ scheduled: 0, report_generated: 2 });

    // Archived (gone from the chart) and back.
    await getDb().update(bookings).set({ status: "archived" }).where(eq(bookings.id, third!));
    expect(await thisWeek()).toMatchObject({ report_generated: 1 });
    await getDb().update(bookings).set({ status: "closed" }).where(eq(bookings.id, third!));
    expect(await thisWeek()).toMatchObject({ report_generated: 2 });

    // An upsert that updates (as a sync does) and one that inserts.
    const [fourth] = await makeBookings([new Date(THIS_MONDAY_MORNING.getTime() + DAY)]);
    const [existing] = await getDb().select().from(bookings).where(eq(bookings.id, fourth!));
    await getDb()
      .insert(bookings)
      .values([
        { ...existing!, currentProgress: "no_show" },
        {
          ...existing!,
          id: id("hours-upserted"),
          acuityAppointmentId: `${id("hours-upserted")}-a`,
          currentProgress: "cancelled",
        },
      ])
      .onConflictDoUpdate({ target: bookings.id, set: { currentProgress: sql`excluded.current_progress` } });
    expect(await thisWeek()).toMatchObject({ scheduled: 0, no_show: 1, cancelled: 1, report_generated: 2 });

    // Deleted.
    await getDb()
      .delete(bookings)
      .where(inArray(bookings.id, [second!, id("hours-upserted")]));
    expect(await thisWeek()).toMatchObject({ no_show: 1, cancelled: 0, report_generated: 1 });
    expect(await lastWeek()).toMatchObject({ rescheduled: 1 });

    const { kept, counted } = await bothWays();
    expect(kept).toEqual(counted);
  });

  it("are folded into one row per hour and stage without changing a number", async () => {
    const before = await chart();
    const inWindow = and(
      gte(bookingHourCounts.hour, new Date("2096-12-01T00:00:00Z")),
      lt(bookingHourCounts.hour, new Date("2097-04-01T00:00:00Z")),
    );
    const rowsOf = () => getDb().select().from(bookingHourCounts).where(inWindow);
    // The test above left several rows for some hours (each statement appends its changes).
    expect((await rowsOf()).length).toBeGreaterThan(
      new Set((await rowsOf()).map((r) => `${r.hour.toISOString()}:${r.stage}`)).size,
    );

    const folded = await foldBookingHourCounts(getDb());
    expect(folded.before).toBeGreaterThan(folded.after);
    const after = await rowsOf();
    const keys = after.map((row) => `${row.hour.toISOString()}:${row.stage}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(after.every((row) => row.n !== 0)).toBe(true);
    expect(await chart()).toEqual(before);
    const { kept, counted } = await bothWays();
    expect(kept).toEqual(counted);
  });

  it("a zone whose weeks start on a half hour counts the bookings themselves, and counts them right", async () => {
    // Monday 11 March 2097 00:00 in Kolkata (UTC+5:30) is 18:30 UTC on the 10th: no kept hour ends there.
    const mondayInKolkata = new Date("2097-03-10T18:30:00Z");
    expect(onWholeUtcHour(mondayInKolkata)).toBe(false);
    // 20 minutes either side of Kolkata's Monday midnight: last week's Sunday and this week's Monday.
    await makeBookings([new Date(mondayInKolkata.getTime() - 20 * 60_000)], "payment_received");
    await makeBookings([new Date(mondayInKolkata.getTime() + 20 * 60_000)], "payment_received");
    const weeks = await bookingsPerWeekByStage(getDb(), admin, NOW, "Asia/Kolkata");
    expect(weeks.at(-1)!.week).toBe("2097-03-11");
    expect(weeks.at(-1)!.counts.payment_received).toBe(1);
    expect(weeks.at(-2)!.counts.payment_received).toBe(1);
  });
});
