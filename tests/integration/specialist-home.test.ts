/**
 * The specialist's home (lib/homes/specialist-home.ts) against real Postgres, on a Denver
 * specialist's Monday: only their own bookings, days read in their zone, brief/consent flags from
 * documents, briefs missing and attendance to confirm. Week bounds across DST and the owed list's
 * order and paging are in homes.test.ts.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, documents, specialists } from "@/db/schema";
import type { DocumentCategory, ProgressStage } from "@/db/schema/enums";
import {
  listAttendanceToConfirm,
  listBriefsMissing,
  listOwedReports,
  loadSpecialistHome,
  DAY_LIMIT,
  loadSpecialistWeek,
} from "@/lib/homes/specialist-home";
import { buildActors, buildBookings, type IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";

/** 11:00 in Denver (UTC−7), Monday 23 November 2026. */
const NOW = new Date("2026-11-23T18:00:00Z");
const LONG_AGO = new Date("2026-01-01T00:00:00Z");

let id: IdOf;
let actors: ReturnType<typeof buildActors>;
const made: Record<string, string> = {};

/** A booking of specialist S1 (or S2) at `at` in stage `stage`, with the given documents. */
async function booking(
  name: string,
  at: string,
  stage: ProgressStage,
  options: { docs?: DocumentCategory[]; specialist?: "S1" | "S2"; status?: "active" | "closed" } = {},
) {
  const facts = buildBookings(id).aTeam2;
  const bookingId = id(`home-${name}`);
  await getDb()
    .insert(bookings)
    .values({
      ...facts,
      specialistId: id(options.specialist ?? "S1"),
      id: bookingId,
      acuityAppointmentId: `${bookingId}-${randomBytes(3).toString("hex")}`,
      examineeName: `Examinee ${name}`,
      examineePhone: "+12125550100",
      appointmentDate: new Date(at),
      appointmentType: "in_person",
      currentProgress: stage,
      status: options.status ?? "active",
      createdAt: LONG_AGO,
    });
  for (const category of options.docs ?? []) {
    await getDb()
      .insert(documents)
      .values({
        bookingId,
        uploadedById: id("ownerA"),
        s3Key: `test/${bookingId}/${category}`,
        fileName: `${category}.pdf`,
        fileSize: 100,
        mimeType: "application/pdf",
        category,
      });
  }
  made[name] = bookingId;
}

beforeAll(async () => {
  const world = await insertAuthzWorld();
  id = world.id;
  actors = buildActors(id);
  await getDb()
    .update(specialists)
    .set({ timezone: "America/Denver" })
    .where(eq(specialists.id, id("S1")));
  // The fixture's own bookings are in the real future; move them out of every list's way.
  for (const bookingId of Object.values(world.bookingIds)) {
    await getDb()
      .update(bookings)
      .set({ appointmentDate: new Date("2027-06-01T00:00:00Z"), createdAt: LONG_AGO })
      .where(eq(bookings.id, bookingId));
  }
  await booking("yesterdayLateDenver", "2026-11-23T06:30:00Z", "generating_report"); // 22 Nov 23:30 Denver
  await booking("todayEarlier", "2026-11-23T16:00:00Z", "scheduled", { docs: ["brief"] }); // 09:00 today, passed
  await booking("todayLateDenver", "2026-11-24T05:30:00Z", "scheduled", { docs: ["brief", "consent_form"] }); // 22:30 today
  await booking("tomorrowNoBrief", "2026-11-24T17:00:00Z", "rescheduled", { docs: ["consent_form"] });
  await booking("in3DaysNoBrief", "2026-11-26T17:00:00Z", "scheduled");
  await booking("cancelledTomorrow", "2026-11-24T18:00:00Z", "cancelled");
  await booking("day14", "2026-12-07T17:00:00Z", "scheduled", { docs: ["brief"] });
  await booking("day15", "2026-12-08T17:00:00Z", "scheduled", { docs: ["brief"] });
  await booking("oldInProgress", "2026-11-02T17:00:00Z", "generating_report");
  await booking("reportDone", "2026-11-10T17:00:00Z", "report_generated");
  await booking("noShow", "2026-11-12T17:00:00Z", "no_show");
  await booking("lastWeekUnconfirmed", "2026-11-16T17:00:00Z", "scheduled");
  await booking("closedInProgress", "2026-11-05T17:00:00Z", "generating_report", { status: "closed" });
  await booking("otherSpecialistTomorrow", "2026-11-24T17:00:00Z", "scheduled", { specialist: "S2" });
  await booking("otherSpecialistOwed", "2026-11-03T17:00:00Z", "generating_report", { specialist: "S2" });
});

const names = (ids: string[]) =>
  ids.map((bookingId) => Object.keys(made).find((name) => made[name] === bookingId) ?? bookingId);

describe("the specialist's week", () => {
  it("is Monday to Sunday on the specialist's clock, own bookings only, without cancelled ones", async () => {
    const week = await loadSpecialistWeek(getDb(), actors.specialistS1, "2026-11-23", "America/Denver", NOW);
    const shown = Object.fromEntries(
      week.days.map((day) => [day.day, names(day.examinations.map((row) => row.id))]),
    );
    expect(shown).toEqual({
      "2026-11-23": ["todayEarlier", "todayLateDenver"], // 22:30 Denver is already Tuesday in UTC
      "2026-11-24": ["tomorrowNoBrief"], // the cancelled one and S2's left out
      "2026-11-25": [],
      "2026-11-26": ["in3DaysNoBrief"],
      "2026-11-27": [],
      "2026-11-28": [],
      "2026-11-29": [],
    });
    // Sunday 23:30 in Denver is Monday in UTC: it belongs to the week before.
    const before = await loadSpecialistWeek(
      getDb(),
      actors.specialistS1,
      "2026-11-16",
      "America/Denver",
      NOW,
    );
    expect(names(before.days[6]!.examinations.map((row) => row.id))).toEqual(["yesterdayLateDenver"]);
  });

  it("says whether the brief and consent form are in, and where the examination is", async () => {
    const week = await loadSpecialistWeek(getDb(), actors.specialistS1, "2026-11-23", "America/Denver", NOW);
    const today = week.days[0]!;
    expect(today.isToday).toBe(true);
    expect(today.examinations.map((row) => [row.hasBrief, row.hasConsentForm])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(today.examinations[0]).toMatchObject({
      specialistLocation: "Denver",
      specialistTimezone: "America/Denver",
    });
  });
});

describe("a full day of the week", () => {
  it(`shows the day's first ${DAY_LIMIT} examinations in time order and counts the rest, by the specialist's day`, async () => {
    // Wednesday 13 January 2027 in Denver (UTC−7): DAY_LIMIT + 2 from 08:00, half an hour apart,
    // and one at 22:30 — Thursday in UTC, Wednesday on the specialist's clock.
    const wednesday = Array.from({ length: DAY_LIMIT + 2 }, (_, i) =>
      new Date(Date.parse("2027-01-13T15:00:00Z") + i * 30 * 60_000).toISOString(),
    );
    for (const [i, at] of wednesday.entries())
      await booking(`wednesday${String(i).padStart(2, "0")}`, at, "scheduled", { docs: ["brief"] });
    await booking("wednesdayLate", "2027-01-14T05:30:00Z", "scheduled", { docs: ["brief"] });
    await booking("thursday", "2027-01-14T17:00:00Z", "scheduled", { docs: ["brief"] });
    await booking("wednesdayCancelled", "2027-01-13T14:00:00Z", "cancelled", { docs: ["brief"] });

    const week = await loadSpecialistWeek(getDb(), actors.specialistS1, "2027-01-11", "America/Denver", NOW);
    const [wed, thu] = [week.days[2]!, week.days[3]!];
    expect(names(wed.examinations.map((row) => row.id))).toEqual(
      Array.from({ length: DAY_LIMIT }, (_, i) => `wednesday${String(i).padStart(2, "0")}`),
    );
    expect(wed.more).toBe(3); // two of the daytime ones and 22:30; not the cancelled one
    expect(wed.moreIsCapped).toBe(false);
    expect(names(thu.examinations.map((row) => row.id))).toEqual(["thursday"]);
    expect(thu.more).toBe(0);
    expect(week.days.filter((day) => day !== wed && day !== thu).every((day) => day.more === 0)).toBe(true);
  });
});

describe("what needs the specialist", () => {
  it("briefs missing: examinations ahead without a brief, soonest first — not cancelled, not another specialist's", async () => {
    const { rows } = await listBriefsMissing(getDb(), actors.specialistS1, NOW);
    const shown = names(rows.map((row) => row.id));
    expect(shown.slice(0, 2)).toEqual(["tomorrowNoBrief", "in3DaysNoBrief"]);
    for (const left of ["cancelledTomorrow", "otherSpecialistTomorrow", "todayLateDenver", "day14"]) {
      expect(shown).not.toContain(left);
    }
  });

  it("attendance to confirm: past examinations still waiting, oldest first — not a no-show, a report or a closed booking", async () => {
    const { rows, total } = await listAttendanceToConfirm(getDb(), actors.specialistS1, NOW);
    expect(names(rows.map((row) => row.id))).toEqual(["lastWeekUnconfirmed", "todayEarlier"]);
    expect(total).toBe(2);
  });

  it("is empty for someone who is not a specialist, even an organization owner who sees the bookings", async () => {
    const home = await loadSpecialistHome(getDb(), actors.ownerA, NOW, {});
    expect(home.week.days.every((day) => day.examinations.length === 0)).toBe(true);
    expect(home.briefsMissing).toMatchObject({ rows: [], total: 0 });
    expect(home.toConfirm).toMatchObject({ rows: [], total: 0 });
    expect(await listOwedReports(getDb(), actors.ownerA, NOW)).toMatchObject({ rows: [], total: 0 });
  });
});
