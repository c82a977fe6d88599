/**
 * `bookings.last_progress_at` and `bookings.report_ready_at` (migration 0017) are kept by the
 * database from the progress history, whoever writes it: set when a report is marked ready, kept
 * through payment, cleared when a later row moves the booking back, set again when it is marked
 * ready again; a row written late with an older time changes nothing. And the turnaround chart,
 * now read from `report_ready_at`, gives the same numbers as the computation it replaced (every
 * `report_generated` row of the history joined to its booking) on a world where each report was
 * marked ready once. Dated in 2096, where no other test file's bookings are.
 */
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookingProgress, bookings } from "@/db/schema";
import type { ProgressStage } from "@/db/schema/enums";
import { medianReportDaysBySpecialist } from "@/lib/homes/report-turnaround";
import { buildActors, buildBookings, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Friday 15 June 2096, noon UTC. */
const NOW = new Date("2096-06-15T12:00:00Z");
const at = (daysBeforeNow: number, hours = 0) => new Date(NOW.getTime() - daysBeforeNow * DAY + hours * HOUR);

let id: IdOf;
let actors: ReturnType<typeof buildActors>;

async function booking(name: string, examinedAt: Date, stage: ProgressStage, like: BookingKey = "aTeam2") {
  const bookingId = id(`marks-${name}`);
  await getDb()
    .insert(bookings)
    .values({
      ...buildBookings(id)[like],
      id: bookingId,
      acuityAppointmentId: `${bookingId}-${randomBytes(3).toString("hex")}`,
      examineeName: `Examinee ${name}`,
      examineePhone: "+12125550100",
      appointmentDate: examinedAt,
      appointmentType: "in_person",
      currentProgress: stage,
      status: "active",
    });
  return bookingId;
}

async function progress(bookingId: string, stage: ProgressStage, createdAt: Date) {
  await getDb()
    .insert(bookingProgress)
    .values({
      bookingId,
      progress: stage,
      changedById: id("specialistS1"),
      createdAt,
    });
}

async function marks(bookingId: string) {
  const [row] = await getDb()
    .select({ lastProgressAt: bookings.lastProgressAt, reportReadyAt: bookings.reportReadyAt })
    .from(bookings)
    .where(eq(bookings.id, bookingId));
  return row!;
}

beforeAll(async () => {
  const world = await insertAuthzWorld({ withMemberships: true });
  id = world.id;
  actors = buildActors(id);
});

describe("the booking's progress marks", () => {
  it("are set on report ready, kept through payment, cleared on a move back, set again on ready again", async () => {
    const bookingId = await booking("lifecycle", at(40), "scheduled");
    expect(await marks(bookingId)).toEqual({ lastProgressAt: null, reportReadyAt: null });

    await progress(bookingId, "generating_report", at(39));
    expect(await marks(bookingId)).toEqual({ lastProgressAt: at(39), reportReadyAt: null });

    await progress(bookingId, "report_generated", at(30));
    expect(await marks(bookingId)).toEqual({ lastProgressAt: at(30), reportReadyAt: at(30) });

    await progress(bookingId, "payment_received", at(20));
    expect(await marks(bookingId)).toEqual({ lastProgressAt: at(20), reportReadyAt: at(30) });

    // An admin's correction back to writing the report: no longer ready.
    await progress(bookingId, "generating_report", at(10));
    expect(await marks(bookingId)).toEqual({ lastProgressAt: at(10), reportReadyAt: null });

    await progress(bookingId, "report_generated", at(5));
    expect(await marks(bookingId)).toEqual({ lastProgressAt: at(5), reportReadyAt: at(5) });

    // History written late, with an older time, does not move the present.
    await progress(bookingId, "rescheduled", at(38));
    expect(await marks(bookingId)).toEqual({ lastProgressAt: at(5), reportReadyAt: at(5) });
  });

  it("follow reschedules and cancellations too (last_progress_at), leaving report_ready_at empty", async () => {
    const bookingId = await booking("moved", at(-10), "scheduled");
    await progress(bookingId, "rescheduled", at(3));
    await progress(bookingId, "cancelled", at(1));
    expect(await marks(bookingId)).toEqual({ lastProgressAt: at(1), reportReadyAt: null });
  });
});

describe("the turnaround chart from report_ready_at", () => {
  // A world of its own: the lifecycle above marked a report ready in May and took it back.
  beforeAll(async () => {
    const world = await insertAuthzWorld({ withMemberships: true });
    id = world.id;
    actors = buildActors(id);
  });

  it("gives the numbers of the old computation over the history on a world where each report was marked ready once", async () => {
    // Fractional days, two specialists, three months, some paid after; one still being written.
    const world: { name: string; like: BookingKey; examined: Date; ready: Date; paid?: Date }[] = [
      { name: "s1-a", like: "aTeam2", examined: at(70), ready: at(61, 5) },
      { name: "s1-b", like: "aTeam2", examined: at(66, 3), ready: at(60, 20), paid: at(50) },
      { name: "s1-c", like: "aTeam2", examined: at(45), ready: at(31, 7) },
      { name: "s1-d", like: "aTeam2", examined: at(40, 9), ready: at(33, 1) },
      { name: "s1-e", like: "aTeam2", examined: at(38), ready: at(29, 13), paid: at(20) },
      { name: "s1-f", like: "bTeam1", examined: at(12), ready: at(2, 2) },
      { name: "s2-a", like: "aNoTeam", examined: at(64), ready: at(58, 4) },
      { name: "s2-b", like: "aNoTeam", examined: at(35, 6), ready: at(30, 18) },
      { name: "s2-c", like: "aNoTeam", examined: at(20), ready: at(4, 11), paid: at(1) },
    ];
    for (const report of world) {
      const bookingId = await booking(
        report.name,
        report.examined,
        report.paid ? "payment_received" : "report_generated",
        report.like,
      );
      await progress(bookingId, "generating_report", report.examined);
      await progress(bookingId, "report_generated", report.ready);
      if (report.paid) await progress(bookingId, "payment_received", report.paid);
    }
    const stillWriting = await booking("writing", at(9), "generating_report");
    await progress(stillWriting, "generating_report", at(9));

    const zone = "America/Denver";
    const ours = new Set([id("S1"), id("S2")]);
    const chart = (await medianReportDaysBySpecialist(getDb(), actors.platformAdmin, NOW, zone)).filter(
      (row) => ours.has(row.specialistId),
    );
    // The computation the chart replaced (lib/homes/admin-home.ts before migration 0017).
    const since = new Date("2096-01-01T07:00:00Z"); // 1 January 2096 in Denver, six months back
    const old = await getDb().execute<{
      specialist_id: string;
      month: string;
      median_days: number;
      reports: number;
    }>(sql`
      select b.specialist_id, to_char(bp.created_at at time zone ${zone}, 'YYYY-MM') as month,
             percentile_cont(0.5) within group (
               order by extract(epoch from (bp.created_at - b.appointment_date)) / 86400
             )::float8 as median_days,
             count(*)::int as reports
        from booking_progress bp join bookings b on b.id = bp.booking_id
       where bp.progress = 'report_generated' and bp.created_at >= ${since.toISOString()}::timestamptz
         and b.specialist_id in (${id("S1")}, ${id("S2")})
       group by 1, 2 order by 1, 2`);
    const expected = old.rows.map((row) => ({
      specialistId: row.specialist_id,
      month: row.month,
      medianDays: Math.round(Number(row.median_days) * 10) / 10,
      reports: row.reports,
    }));
    expect(expected.length).toBeGreaterThanOrEqual(5);
    expect(
      chart
        .map(({ specialistId, month, medianDays, reports }) => ({ specialistId, month, medianDays, reports }))
        .sort((a, b) => (a.specialistId + a.month < b.specialistId + b.month ? -1 : 1)),
    ).toEqual(expected);
  });

  it("leaves out a report moved back before report ready (the old computation still counted its history row)", async () => {
    const bookingId = await booking("taken-back", at(50), "generating_report", "aNoTeam");
    await progress(bookingId, "report_generated", at(44));
    await progress(bookingId, "generating_report", at(43));
    const chart = await medianReportDaysBySpecialist(getDb(), actors.platformAdmin, NOW, "America/Denver");
    const may = chart.find((row) => row.specialistId === id("S2") && row.month === "2096-05");
    // May holds s2-b (ready 16 May) only; the taken-back report (ready 2 May, then moved back) is not counted.
    expect(may).toMatchObject({ reports: 1 });
  });

  it("keeps the finished months once computed and computes one again when a report in it changes", async () => {
    const zone = "Europe/London";
    const s2May = async () =>
      (await medianReportDaysBySpecialist(getDb(), actors.platformAdmin, NOW, zone)).find(
        (row) => row.specialistId === id("S2") && row.month === "2096-05",
      );
    const keptMonths = async () =>
      (
        await getDb().execute<{ month: string }>(
          sql`select month from report_turnaround_months where time_zone = ${zone} and specialist_id = ${id("S2")} order by month`,
        )
      ).rows.map((row) => row.month);

    const before = await s2May();
    expect(before?.reports).toBeGreaterThan(0);
    // Every month of the chart is kept, June (still running) too.
    expect(await keptMonths()).toEqual(["2096-01", "2096-02", "2096-03", "2096-04", "2096-05", "2096-06"]);

    // What is kept is what is read: a kept figure changed by hand comes back as it is...
    await getDb().execute(
      sql`update report_turnaround_months set median_days = 99 where time_zone = ${zone} and specialist_id = ${id("S2")} and month = '2096-05'`,
    );
    expect((await s2May())?.medianDays).toBe(99);

    // ...until a report marked ready in May changes: May is computed again, with it.
    const late = await booking("late-may", at(40), "generating_report", "aNoTeam");
    await progress(late, "report_generated", at(26));
    const after = await s2May();
    expect(after?.reports).toBe(before!.reports + 1);
    expect(after?.medianDays).not.toBe(99);
    // And a booking deleted with its report: May again without it.
    await getDb().delete(bookings).where(eq(bookings.id, late));
    expect(await s2May()).toMatchObject({ reports: before!.reports, medianDays: before!.medianDays });

    // A narrower viewer's chart is computed every time and keeps nothing.
    await medianReportDaysBySpecialist(getDb(), actors.ownerA, NOW, "Asia/Tokyo");
    const tokyo = await getDb().execute(
      sql`select 1 from report_turnaround_months where time_zone = 'Asia/Tokyo'`,
    );
    expect(tokyo.rows).toHaveLength(0);
  });

  it("keeps the running month and counts a report marked ready in it at once, the kept figure never shown stale", async () => {
    const zone = "America/Chicago";
    const s2 = async () => {
      const chart = await medianReportDaysBySpecialist(getDb(), actors.platformAdmin, NOW, zone);
      return {
        june: chart.find((row) => row.specialistId === id("S2") && row.month === "2096-06"),
        may: chart.find((row) => row.specialistId === id("S2") && row.month === "2096-05"),
      };
    };
    const keptJune = async () =>
      (
        await getDb().execute<{ reports: number }>(
          sql`select reports from report_turnaround_months where time_zone = ${zone} and specialist_id = ${id("S2")} and month = '2096-06'`,
        )
      ).rows[0]?.reports;

    const before = await s2();
    expect(before.june?.reports).toBeGreaterThan(0);
    expect(await keptJune()).toBe(before.june!.reports);

    // A report marked ready this morning: June counts it on the next view, and keeps the new figure.
    const today = await booking("ready-today", at(6), "generating_report", "aNoTeam");
    await progress(today, "report_generated", at(0, -3));
    const after = await s2();
    expect(after.june).toMatchObject({ reports: before.june!.reports + 1 });
    expect(after.june!.medianDays).not.toBe(before.june!.medianDays);
    expect(await keptJune()).toBe(before.june!.reports + 1);
    // May, finished, is untouched by it.
    expect(after.may).toEqual(before.may);

    // Moved back before "report ready": June without it again.
    await progress(today, "generating_report", at(0, -2));
    expect((await s2()).june).toMatchObject({
      reports: before.june!.reports,
      medianDays: before.june!.medianDays,
    });
  });

  it("counts a report marked ready near a month's edge in the viewer's month, and recomputes that month", async () => {
    const zone = "Pacific/Auckland"; // UTC+12 in winter: 30 April 20:00 UTC is 1 May 08:00 there
    const s1 = async (month: string) =>
      (await medianReportDaysBySpecialist(getDb(), actors.platformAdmin, NOW, zone)).find(
        (row) => row.specialistId === id("S1") && row.month === month,
      );
    const mayBefore = (await s1("2096-05"))?.reports ?? 0;
    const aprilBefore = (await s1("2096-04"))?.reports ?? 0;

    const edge = await booking(
      "auckland-edge",
      new Date("2096-04-20T00:00:00Z"),
      "generating_report",
      "aTeam2",
    );
    await progress(edge, "report_generated", new Date("2096-04-30T20:00:00Z"));
    expect((await s1("2096-05"))?.reports).toBe(mayBefore + 1);
    expect((await s1("2096-04"))?.reports ?? 0).toBe(aprilBefore);
  });
});
