/**
 * The specialist's home lists against real Postgres: only their own bookings, days read in
 * their time zone, brief/consent flags from documents, reports owed and needs attention.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, documents, specialists } from "@/db/schema";
import type { DocumentCategory, ProgressStage } from "@/db/schema/enums";
import { listSpecialistAgenda } from "@/lib/specialists/specialist-agenda";
import { listNeedsAttention } from "@/lib/specialists/specialist-needs-attention";
import { listReportsOwed } from "@/lib/specialists/specialist-reports-owed";
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

describe("the specialist's agenda", () => {
  it("holds today and the next 14 days in the specialist's zone, by day, own bookings only, without cancelled ones", async () => {
    const agenda = await listSpecialistAgenda(getDb(), actors.specialistS1, NOW, 14);
    expect(agenda.map((day) => [day.day, day.isToday, names(day.examinations.map((e) => e.id))])).toEqual([
      ["2026-11-23", true, ["todayEarlier", "todayLateDenver"]],
      ["2026-11-24", false, ["tomorrowNoBrief"]],
      ["2026-11-26", false, ["in3DaysNoBrief"]],
      ["2026-12-07", false, ["day14"]],
    ]);
  });

  it("says whether the brief and consent form are in", async () => {
    const [today] = await listSpecialistAgenda(getDb(), actors.specialistS1, NOW, 14);
    expect(today!.examinations.map((e) => [e.hasBrief, e.hasConsentForm])).toEqual([
      [true, false],
      [true, true],
    ]);
    expect(today!.examinations[0]).toMatchObject({
      specialistLocation: "Denver",
      specialistTimezone: "America/Denver",
    });
  });

  it("is empty for someone who is not a specialist, even an organization owner who sees the bookings", async () => {
    expect(await listSpecialistAgenda(getDb(), actors.ownerA, NOW, 14)).toEqual([]);
    expect(await listReportsOwed(getDb(), actors.ownerA, NOW)).toEqual([]);
    expect(await listNeedsAttention(getDb(), actors.ownerA, NOW)).toEqual([]);
  });
});

describe("reports owed", () => {
  it("lists reports in progress and past examinations still waiting, oldest first, with their age", async () => {
    const owed = await listReportsOwed(getDb(), actors.specialistS1, NOW);
    expect(owed.map((o) => [names([o.id])[0], o.ageDays, o.attendanceUnconfirmed])).toEqual([
      ["oldInProgress", 21, false],
      ["lastWeekUnconfirmed", 7, true],
      ["yesterdayLateDenver", 0, false],
      ["todayEarlier", 0, true],
    ]);
  });
});

describe("needs attention", () => {
  it("flags examinations within two days without a brief, then past ones nobody confirmed", async () => {
    const items = await listNeedsAttention(getDb(), actors.specialistS1, NOW);
    expect(items.map((item) => [item.reason, names([item.booking.id])[0]])).toEqual([
      ["missing_brief", "tomorrowNoBrief"],
      ["confirm_attendance", "lastWeekUnconfirmed"],
      ["confirm_attendance", "todayEarlier"],
    ]);
  });
});
