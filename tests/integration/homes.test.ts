/**
 * The three homes' queries against real Postgres (lib/homes): the referrer's "needs you" rules —
 * each including what it should and leaving out what it should not, another organization's
 * bookings never —, counts per persona, the specialist's week read in their zone, reports owed by
 * due day and paged, and the admin's aggregates. Everything is dated in 2093, where no other
 * test file's bookings are, and every assertion looks at this file's own fixture world.
 */
import { randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookingProgress, bookings, documents, specialists } from "@/db/schema";
import type { BookingStatus, DocumentCategory, ProgressStage } from "@/db/schema/enums";
import {
  bookingsPerWeekByStage,
  listOverdueBySpecialist,
  listTodaysExaminations,
} from "@/lib/homes/admin-home";
import { medianReportDaysBySpecialist } from "@/lib/homes/report-turnaround";
import {
  countBookingsByStage,
  listMissingPapers,
  listOverdueReports,
  listReadyReports,
  listSpecialistSideChanges,
  listUpcomingExaminations,
  STAGE_COUNT_CAP,
} from "@/lib/homes/referrer-home";
import { newId } from "@/lib/ids";
import {
  listBriefsMissing,
  listOwedReports,
  loadSpecialistWeek,
  specialistZoneOf,
  weekStartFor,
} from "@/lib/homes/specialist-home";
import { buildActors, buildBookings, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";

/** Wednesday 11 March 2093, 12:00 in Denver (MDT, UTC−6 since Sunday the 8th). */
const NOW = new Date("2093-03-11T18:00:00Z");
const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(NOW.getTime() + days * DAY);

let id: IdOf;
let actors: ReturnType<typeof buildActors>;
const made: Record<string, string> = {};
const names = (ids: string[]) =>
  ids.map((bookingId) => Object.keys(made).find((name) => made[name] === bookingId) ?? bookingId);

interface BookingSpec {
  at: Date;
  stage: ProgressStage;
  /** Which fixture booking's organization, team, specialist and creator it copies (default aTeam2: org A, S1). */
  like?: BookingKey;
  status?: BookingStatus;
  docs?: { category: DocumentCategory; at?: Date; name?: string }[];
  /** Progress history rows: who changed it (a fixture user key), for whom, when. */
  changes?: { progress: ProgressStage; by: string; for?: string; at: Date; from?: Date }[];
}

async function booking(name: string, spec: BookingSpec) {
  const facts = buildBookings(id)[spec.like ?? "aTeam2"];
  const bookingId = id(`homes-${name}`);
  const db = getDb();
  await db.insert(bookings).values({
    ...facts,
    id: bookingId,
    acuityAppointmentId: `${bookingId}-${randomBytes(3).toString("hex")}`,
    examineeName: `Examinee ${name}`,
    examineePhone: "+12125550100",
    appointmentDate: spec.at,
    appointmentType: "in_person",
    currentProgress: spec.stage,
    status: spec.status ?? "active",
    createdAt: new Date(spec.at.getTime() - 30 * DAY),
  });
  for (const [i, doc] of (spec.docs ?? []).entries()) {
    await db.insert(documents).values({
      id: `${bookingId}-doc-${i}`,
      bookingId,
      uploadedById: id("ownerA"),
      s3Key: `test/${bookingId}/${doc.category}-${i}`,
      fileName: doc.name ?? `${doc.category}.pdf`,
      fileSize: 100,
      mimeType: "application/pdf",
      category: doc.category,
      createdAt: doc.at ?? new Date(spec.at.getTime() - DAY),
    });
  }
  for (const change of spec.changes ?? []) {
    await db.insert(bookingProgress).values({
      bookingId,
      progress: change.progress,
      changedById: id(change.by),
      changedForId: change.for ? id(change.for) : null,
      createdAt: change.at,
      appointmentFrom: change.from ?? null,
      appointmentTo: change.from ? spec.at : null,
    });
  }
  made[name] = bookingId;
}

beforeAll(async () => {
  const world = await insertAuthzWorld({ withMemberships: true });
  id = world.id;
  actors = buildActors(id);
  await getDb()
    .update(specialists)
    .set({ timezone: "America/Denver" })
    .where(eq(specialists.id, id("S1")));
  // The fixture's own bookings are archived: out of every home's way.
  await getDb()
    .update(bookings)
    .set({ status: "archived" })
    .where(inArray(bookings.id, Object.values(world.bookingIds)));

  const papers = (...categories: DocumentCategory[]) => categories.map((category) => ({ category }));
  // Papers before the examination.
  await booking("noBrief", { at: daysFromNow(3), stage: "scheduled", docs: papers("consent_form") });
  await booking("noConsent", { at: daysFromNow(2), stage: "rescheduled", docs: papers("brief") });
  await booking("papersComplete", {
    at: daysFromNow(1),
    stage: "scheduled",
    docs: papers("brief", "consent_form"),
  });
  await booking("pastNoPapers", { at: daysFromNow(-1), stage: "scheduled" });
  await booking("cancelledNoPapers", { at: daysFromNow(4), stage: "cancelled" });
  await booking("otherOrgNoPapers", { at: daysFromNow(3), stage: "scheduled", like: "bTeam1" });
  await booking("day15", { at: daysFromNow(15), stage: "scheduled", docs: papers("brief", "consent_form") });

  // Reports ready.
  await booking("ready", {
    at: daysFromNow(-20),
    stage: "report_generated",
    docs: [
      { category: "report", at: daysFromNow(-9), name: "draft-report.pdf" },
      { category: "report", at: daysFromNow(-8), name: "final-report.pdf" },
    ],
    changes: [{ progress: "report_generated", by: "specialistS1", at: daysFromNow(-8) }],
  });
  await booking("readyWithoutDocument", { at: daysFromNow(-25), stage: "report_generated" });
  await booking("reportBeingWritten", {
    at: daysFromNow(-3),
    stage: "generating_report",
    docs: [{ category: "report" }],
  });
  await booking("otherOrgReady", {
    at: daysFromNow(-20),
    stage: "report_generated",
    like: "bTeam1",
    docs: [{ category: "report" }],
  });

  // Changes by the specialist's side.
  await booking("movedBySpecialist", {
    at: daysFromNow(5),
    stage: "rescheduled",
    docs: papers("brief", "consent_form"),
    changes: [{ progress: "rescheduled", by: "specialistS1", at: daysFromNow(-2), from: daysFromNow(4) }],
  });
  await booking("cancelledByOwner", {
    at: daysFromNow(6),
    stage: "cancelled",
    changes: [{ progress: "cancelled", by: "ownerA", at: daysFromNow(-1) }],
  });
  await booking("cancelledByAdminAsMember", {
    at: daysFromNow(6),
    stage: "cancelled",
    changes: [{ progress: "cancelled", by: "platformAdmin", for: "memberA1", at: daysFromNow(-1) }],
  });
  await booking("cancelledByAdminLongAgo", {
    at: daysFromNow(6),
    stage: "cancelled",
    changes: [{ progress: "cancelled", by: "platformAdmin", at: daysFromNow(-20) }],
  });
  await booking("cancelledByOffice", {
    at: daysFromNow(8),
    stage: "cancelled",
    changes: [{ progress: "cancelled", by: "platformAdmin", at: daysFromNow(-3) }],
  });
  await booking("movedThenExamined", {
    at: daysFromNow(-1),
    stage: "generating_report",
    docs: papers("brief", "consent_form"),
    changes: [{ progress: "rescheduled", by: "specialistS1", at: daysFromNow(-4) }],
  });
  await booking("otherOrgMoved", {
    at: daysFromNow(5),
    stage: "rescheduled",
    like: "bTeam1",
    changes: [{ progress: "rescheduled", by: "specialistS1", at: daysFromNow(-2) }],
  });

  // Overdue: 10 business days after the examination's day in Denver.
  await booking("overdueOldest", { at: daysFromNow(-40), stage: "generating_report" });
  await booking("overdueNewer", { at: daysFromNow(-20), stage: "scheduled" });
  await booking("owedNotYetDue", { at: daysFromNow(-3), stage: "generating_report" });
  await booking("overdueButClosed", { at: daysFromNow(-30), stage: "generating_report", status: "closed" });
  await booking("otherOrgOverdue", { at: daysFromNow(-30), stage: "generating_report", like: "bTeam1" });
  await booking("otherSpecialistOverdue", {
    at: daysFromNow(-30),
    stage: "generating_report",
    like: "aNoTeam",
  });

  // The specialist's week (Monday 9 – Sunday 15 March in Denver).
  await booking("sundayLateDenver", {
    at: new Date("2093-03-16T05:30:00Z"), // Sunday 15 March, 23:30 MDT
    stage: "scheduled",
    docs: papers("brief"),
  });
  await booking("nextMondayEarly", {
    at: new Date("2093-03-16T06:30:00Z"),
    stage: "scheduled",
    docs: papers("brief"),
  });
  await booking("mondayEarly", { at: new Date("2093-03-09T06:30:00Z"), stage: "scheduled" }); // Mon 00:30 MDT
  await booking("sundayBeforeLate", { at: new Date("2093-03-09T05:30:00Z"), stage: "scheduled" }); // Sun 8th 23:30 MDT
  await booking("todayCancelled", { at: new Date("2093-03-11T20:00:00Z"), stage: "cancelled" });

  // Today on each specialist's own clock: S1 in Denver, S2 with no zone (UTC).
  const complete = papers("brief", "consent_form");
  await booking("todayAfternoon", {
    at: new Date("2093-03-11T22:00:00Z"),
    stage: "scheduled",
    docs: complete,
  });
  await booking("todayS2", {
    at: new Date("2093-03-11T23:30:00Z"),
    stage: "scheduled",
    like: "aNoTeam",
    docs: complete,
  });
  await booking("tomorrowS2", {
    at: new Date("2093-03-12T00:30:00Z"),
    stage: "scheduled",
    like: "aNoTeam",
    docs: complete,
  });

  // A second report for the turnaround median: 4 days (the "ready" one took 12).
  await booking("paidFast", {
    at: daysFromNow(-10),
    stage: "payment_received",
    changes: [{ progress: "report_generated", by: "specialistS1", at: daysFromNow(-6) }],
  });
});

describe("the referrer's needs-you lists", () => {
  it("papers missing: examinations ahead without brief or consent form, soonest first — not past, cancelled, complete or another organization's", async () => {
    const { rows, total } = await listMissingPapers(getDb(), actors.ownerA, NOW, 50);
    const listed = names(rows.map((row) => row.id));
    expect(listed.slice(0, 2)).toEqual(["noConsent", "noBrief"]);
    expect(listed).not.toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^(papersComplete|pastNoPapers|cancelledNoPapers|otherOrgNoPapers)$/),
      ]),
    );
    expect(rows.find((row) => row.id === made.noBrief)).toMatchObject({
      hasBrief: false,
      hasConsentForm: true,
    });
    expect(total).toBe(rows.length);
    // The bound holds and the count stays the whole number.
    const firstTwo = await listMissingPapers(getDb(), actors.ownerA, NOW, 2);
    expect(firstTwo.rows).toHaveLength(2);
    expect(firstTwo.total).toBe(total);
  });

  it("reports ready: the newest report of each booking in report ready, once — not without a document, not still being written, never another organization's", async () => {
    const { rows, total } = await listReadyReports(getDb(), actors.ownerA);
    expect(names(rows.map((row) => row.id))).toEqual(["ready"]);
    expect(rows[0]).toMatchObject({ fileName: "final-report.pdf", documentId: `${made.ready}-doc-1` });
    expect(total).toBe(1);
    const other = await listReadyReports(getDb(), actors.memberB1);
    expect(names(other.rows.map((row) => row.id))).toEqual(["otherOrgReady"]);
  });

  it("changed by the specialist's side: recent reschedules and cancellations by someone outside the organization, still in that stage", async () => {
    const { rows } = await listSpecialistSideChanges(getDb(), actors.ownerA, NOW);
    expect(names(rows.map((row) => row.id))).toEqual(["movedBySpecialist", "cancelledByOffice"]);
    expect(rows[0]).toMatchObject({ change: "rescheduled", movedFrom: daysFromNow(4) });
    expect(rows[1]).toMatchObject({ change: "cancelled" });
  });

  it("overdue reports: owed past the due day in the specialist's days, longest overdue first — not closed, not yet due, never another organization's", async () => {
    const { rows, total } = await listOverdueReports(getDb(), actors.ownerA, NOW);
    expect(names(rows.map((row) => row.id))).toEqual([
      "overdueOldest",
      "otherSpecialistOverdue",
      "overdueNewer",
    ]);
    expect(total).toBe(3);
    // memberA1 sees team A1 and team-less bookings only: the S2 booking without a team.
    const member = await listOverdueReports(getDb(), actors.memberA1, NOW);
    expect(names(member.rows.map((row) => row.id))).toEqual(["otherSpecialistOverdue"]);
  });

  it("upcoming: the next 14 days, cancelled ones left out", async () => {
    const { rows } = await listUpcomingExaminations(getDb(), actors.ownerA, NOW, 50);
    const listed = names(rows.map((row) => row.id));
    expect(listed).toEqual(
      expect.arrayContaining(["papersComplete", "noConsent", "noBrief", "movedBySpecialist"]),
    );
    expect(listed).not.toEqual(expect.arrayContaining(["day15"]));
    expect(listed).not.toEqual(expect.arrayContaining(["cancelledNoPapers"]));
    expect(listed).not.toEqual(expect.arrayContaining(["otherOrgNoPapers"]));
  });
});

describe("counts by stage per persona", () => {
  it("counts what each persona sees — the owner all of A, a member their team's and team-less, B's member B's — archived left out", async () => {
    const totals = async (actor: (typeof actors)[keyof typeof actors]) =>
      Object.fromEntries(
        Object.entries(await countBookingsByStage(getDb(), actor)).map(([stage, count]) => [
          stage,
          count.total,
        ]),
      );
    expect(await totals(actors.ownerA)).toEqual({
      scheduled: 12,
      rescheduled: 2,
      cancelled: 6,
      no_show: 0,
      generating_report: 6,
      report_generated: 2,
      payment_received: 1,
    });
    expect(await totals(actors.memberA1)).toMatchObject({
      scheduled: 2, // todayS2, tomorrowS2: team-less
      generating_report: 1,
      report_generated: 0,
    });
    expect(await totals(actors.memberB1)).toEqual({
      scheduled: 1,
      rescheduled: 1,
      cancelled: 0,
      no_show: 0,
      generating_report: 1,
      report_generated: 1,
      payment_received: 0,
    });
    expect(Object.values(await totals(actors.outsider)).every((n) => n === 0)).toBe(true);
  });
});

describe("a stage's count on the home", () => {
  /** Bookings in a stage no other test of this file uses, copied from a fixture booking. */
  const copies = (like: BookingKey, count: number) => {
    const facts = buildBookings(id)[like];
    return Array.from({ length: count }, () => {
      const bookingId = newId();
      return {
        ...facts,
        id: bookingId,
        acuityAppointmentId: `stage-cap-${bookingId}`,
        examineeName: "Examinee stage cap",
        examineePhone: "+12125550100",
        appointmentDate: daysFromNow(-40),
        appointmentType: "in_person" as const,
        currentProgress: "no_show" as const,
      };
    });
  };
  const rolledBack = new Error("rolled back: these bookings are this test's only");

  it(`is exact up to STAGE_COUNT_CAP and reads "${STAGE_COUNT_CAP.toLocaleString("en-US")}+" past it, a team member's team and team-less bookings counted together`, async () => {
    await expect(
      getDb().transaction(async (tx) => {
        const noShows = async () => (await countBookingsByStage(tx, actors.memberA1)).no_show;
        const before = (await noShows()).total;
        // memberA1 sees team A1's bookings and the organization's team-less ones: two parts of their view.
        const teamless = Math.floor(STAGE_COUNT_CAP / 2);
        await tx.insert(bookings).values(copies("aNoTeam", teamless));
        await tx.insert(bookings).values(copies("aTeam1", STAGE_COUNT_CAP - before - teamless));
        expect(await noShows()).toEqual({ total: STAGE_COUNT_CAP, capped: false });
        // Another team's bookings are not theirs and do not tip the count over.
        await tx.insert(bookings).values(copies("aTeam2", 3));
        expect(await noShows()).toEqual({ total: STAGE_COUNT_CAP, capped: false });
        await tx.insert(bookings).values(copies("aTeam1", 1));
        expect(await noShows()).toEqual({ total: STAGE_COUNT_CAP, capped: true });
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
  });
});

describe("the specialist's home", () => {
  it("reads the week in the specialist's zone: Monday 00:30 and Sunday 23:30 local are in it, the Sundays either side are not", async () => {
    const zone = await specialistZoneOf(getDb(), actors.specialistS1);
    expect(zone).toBe("America/Denver");
    const start = weekStartFor(undefined, NOW, zone);
    expect(start).toBe("2093-03-09");
    expect(weekStartFor("2093-03-15", NOW, zone)).toBe("2093-03-09");
    expect(weekStartFor("not-a-day", NOW, zone)).toBe("2093-03-09");
    const week = await loadSpecialistWeek(getDb(), actors.specialistS1, start, zone, NOW);
    expect(week.days.map((day) => day.day)).toEqual([
      "2093-03-09",
      "2093-03-10",
      "2093-03-11",
      "2093-03-12",
      "2093-03-13",
      "2093-03-14",
      "2093-03-15",
    ]);
    expect(week.days.map((day) => day.isToday)).toEqual([false, false, true, false, false, false, false]);
    const shown = week.days.map((day) => names(day.examinations.map((row) => row.id)));
    expect(shown[0]).toEqual(["mondayEarly"]);
    expect(shown[2]).toEqual(["todayAfternoon"]); // the cancelled one left out
    expect(shown[6]).toEqual(["sundayLateDenver"]);
    const all = shown.flat();
    expect(all).not.toContain("sundayBeforeLate");
    expect(all).not.toContain("nextMondayEarly");
    expect(all).not.toContain("todayS2"); // another specialist's
    const next = await loadSpecialistWeek(getDb(), actors.specialistS1, "2093-03-16", zone, NOW);
    expect(names(next.days[0]!.examinations.map((row) => row.id))).toContain("nextMondayEarly");
  });

  it("lists reports owed by due day — overdue first — a page at a time, with the count of all", async () => {
    const first = await listOwedReports(getDb(), actors.specialistS1, NOW, 1, 4);
    expect(first.total).toBe(9);
    expect(first.rows).toHaveLength(4);
    expect(names(first.rows.slice(0, 3).map((row) => row.id))).toEqual([
      "overdueOldest",
      "otherOrgOverdue",
      "overdueNewer",
    ]);
    expect(first.rows.map((row) => row.overdue)).toEqual([true, true, true, false]);
    expect(first.rows[0]!.daysOverdue).toBeGreaterThan(first.rows[2]!.daysOverdue);
    const last = await listOwedReports(getDb(), actors.specialistS1, NOW, 3, 4);
    expect(last.rows).toHaveLength(1);
    const everything = [
      ...first.rows,
      ...(await listOwedReports(getDb(), actors.specialistS1, NOW, 2, 4)).rows,
      ...last.rows,
    ];
    const due = everything.map((row) => row.reportDueOn!);
    expect(due).toEqual([...due].sort());
    expect(names(everything.map((row) => row.id))).not.toContain("overdueButClosed");
    expect(await listOwedReports(getDb(), actors.ownerA, NOW)).toMatchObject({ rows: [], total: 0 });
  });

  it("lists upcoming examinations without a brief, soonest first — every organization's, this specialist's only", async () => {
    const { rows, total } = await listBriefsMissing(getDb(), actors.specialistS1, NOW);
    expect(names(rows.map((row) => row.id))).toEqual(["noBrief", "otherOrgNoPapers", "otherOrgMoved"]);
    expect(total).toBe(3);
  });
});

describe("the admin's operations view", () => {
  it("today's examinations are each specialist's today", async () => {
    const { rows } = await listTodaysExaminations(getDb(), actors.platformAdmin, NOW, 100);
    const listed = names(rows.map((row) => row.id));
    expect(listed).toEqual(expect.arrayContaining(["todayAfternoon", "todayS2"]));
    expect(listed).not.toContain("tomorrowS2"); // 00:30 on the 12th in UTC, S2's zone
    expect(listed).not.toContain("todayCancelled");
  });

  it("today's first lines are the soonest across every specialist's today, and the count is all of them", async () => {
    const all = await listTodaysExaminations(getDb(), actors.platformAdmin, NOW, 100);
    expect(all.rows.length).toBeGreaterThanOrEqual(2);
    const times = all.rows.map((row) => row.appointmentDate.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    for (const limit of [1, all.rows.length - 1]) {
      const first = await listTodaysExaminations(getDb(), actors.platformAdmin, NOW, limit);
      expect(first.rows.map((row) => row.id)).toEqual(all.rows.slice(0, limit).map((row) => row.id));
      expect(first.total).toBe(all.rows.length);
    }
  });

  it("counts overdue reports per specialist", async () => {
    const rows = await listOverdueBySpecialist(getDb(), actors.platformAdmin, NOW, 1_000);
    expect(rows.find((row) => row.specialistId === id("S1"))).toMatchObject({ overdue: 3, capped: false });
    expect(rows.find((row) => row.specialistId === id("S2"))).toMatchObject({ overdue: 1 });
  });

  it("groups examinations per week by stage, the last 12 weeks in the viewer's zone", async () => {
    const weeks = await bookingsPerWeekByStage(getDb(), actors.platformAdmin, NOW, "America/Denver");
    expect(weeks).toHaveLength(12);
    expect(weeks.at(-1)!.week).toBe("2093-03-09");
    expect(weeks.at(-1)!.counts).toMatchObject({ cancelled: 2, report_generated: 0 });
  });

  it("takes the median days from examination to report per specialist and month", async () => {
    const rows = await medianReportDaysBySpecialist(getDb(), actors.platformAdmin, NOW, "America/Denver");
    expect(rows.find((row) => row.specialistId === id("S1") && row.month === "2093-03")).toMatchObject({
      medianDays: 8,
      reports: 2,
    });
  });
});
