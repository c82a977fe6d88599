/**
 * The daily digests, run as their scheduled jobs run them, on a database of their own
 * (tests/support/jobs-database.ts): the specialists' reports owed — the same list as their home's,
 * with due dates in their own days — and the admins' list of what needed a person. One e-mail per
 * person, none to whoever owes nothing or switched it off, and never two for the same day
 * however often (or however concurrently) the run is repeated. What the e-mails look like is the
 * mail templates' tests; here, the outbox rows and their delivery jobs.
 */
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  bookings,
  notificationEvents,
  notificationPreferences,
  organizations,
  outboxEmails,
  specialists,
  users,
} from "@/db/schema";
import type { BookingStatus, ProgressStage } from "@/db/schema/enums";
import { reportDueDate } from "@/lib/bookings/report-due-date";
import { QUEUE_NAMES } from "@/lib/jobs/queues";
import { sendAttentionDigests } from "@/lib/notifications/attention-digest";
import { recordAttentionNeeded } from "@/lib/notifications/attention";
import {
  DIGEST_ITEMS,
  sendReportsOwedDigests,
  type ReportOwedItem,
} from "@/lib/notifications/reports-owed-digest";
import { createJobsDatabase, type JobsDatabase } from "../support/jobs-database";

const ZONE = "America/New_York";
/** A Wednesday afternoon; every time below is relative to it. */
const NOW = new Date("2026-12-02T15:00:00Z");
const LONG_AGO = new Date("2026-09-01T00:00:00Z");

let jobs: JobsDatabase;
const people = {
  owes: { id: "dg-spec-owes", email: "owes@digest.test" },
  upToDate: { id: "dg-spec-done", email: "done@digest.test" },
  optedOut: { id: "dg-spec-off", email: "off@digest.test" },
  banned: { id: "dg-spec-banned", email: "banned@digest.test" },
  admin: { id: "dg-admin", email: "admin@digest.test" },
  adminOff: { id: "dg-admin-off", email: "admin-off@digest.test" },
  referrer: { id: "dg-referrer", email: "referrer@digest.test" },
};

let bookingSeq = 0;
async function book(
  specialistId: string,
  at: string,
  stage: ProgressStage,
  status: BookingStatus = "active",
) {
  const id = `dg-booking-${++bookingSeq}`;
  await jobs.db.insert(bookings).values({
    id,
    acuityAppointmentId: `dg-${bookingSeq}`,
    specialistId,
    organizationId: "dg-org",
    createdById: people.referrer.id,
    examineeName: "Dana Digest",
    examineePhone: "212-555-0101",
    appointmentDate: new Date(at),
    appointmentType: "telehealth",
    status,
    currentProgress: stage,
    createdAt: LONG_AGO,
  });
  return id;
}

const owed: Record<string, string> = {};
beforeAll(async () => {
  jobs = await createJobsDatabase("ime_digests");
  const { db } = jobs;
  await db.insert(users).values([...Object.values(people).map((p) => ({ ...p, name: p.id, role: "user" }))]);
  await db
    .update(users)
    .set({ role: "admin" })
    .where(sql`${users.id} IN ('dg-admin', 'dg-admin-off')`);
  await db.update(users).set({ banned: true }).where(eq(users.id, people.banned.id));
  await db
    .insert(organizations)
    .values({ id: "dg-org", name: "Digest Org", slug: "dg-org", createdAt: LONG_AGO });
  await db.insert(specialists).values(
    [people.owes, people.upToDate, people.optedOut, people.banned].map((p, i) => ({
      id: `sp-${p.id}`,
      userId: p.id,
      acuityCalendarId: `dg-cal-${i}`,
      name: p.id,
      specialty: "Orthopaedics",
      // Los Angeles: a day there ends 8 hours after UTC's, so due dates must be counted in its days.
      timezone: "America/Los_Angeles",
    })),
  );
  await db.insert(notificationPreferences).values([
    { userId: people.optedOut.id, kind: "reports_owed_digest", emailEnabled: false },
    { userId: people.adminOff.id, kind: "attention_digest", emailEnabled: false },
  ]);

  const spec = `sp-${people.owes.id}`;
  // Owed: the report is being written; the exam passed with nobody saying whether it took place;
  // an exam rescheduled to a time that has passed too.
  owed.writing = await book(spec, "2026-11-30T17:00:00Z", "generating_report");
  // Thursday 19:00 in Los Angeles is already Friday in UTC: due 10 weekdays after the Thursday.
  owed.unconfirmed = await book(spec, "2026-11-13T03:00:00Z", "scheduled");
  owed.moved = await book(spec, "2026-12-01T16:00:00Z", "rescheduled");
  // Not owed: still ahead, done, paid, cancelled, no-show, a closed booking.
  await book(spec, "2026-12-09T16:00:00Z", "scheduled");
  await book(spec, "2026-11-20T16:00:00Z", "report_generated");
  await book(spec, "2026-11-02T16:00:00Z", "payment_received");
  await book(spec, "2026-11-24T16:00:00Z", "cancelled");
  await book(spec, "2026-11-25T16:00:00Z", "no_show");
  await book(spec, "2026-11-26T16:00:00Z", "generating_report", "closed");
  // The others: all done, or owing but opted out, or owing but banned.
  await book(`sp-${people.upToDate.id}`, "2026-11-20T16:00:00Z", "report_generated");
  await book(`sp-${people.optedOut.id}`, "2026-11-20T16:00:00Z", "generating_report");
  await book(`sp-${people.banned.id}`, "2026-11-20T16:00:00Z", "generating_report");
}, 120_000);
afterAll(async () => {
  await jobs.drop();
});

const digestsTo = (userId: string, kind: "reports_owed_digest" | "attention_digest") =>
  jobs.db
    .select()
    .from(outboxEmails)
    .where(and(eq(outboxEmails.recipientUserId, userId), eq(outboxEmails.kind, kind)));

describe("the specialists' daily digest of reports owed", () => {
  it("goes to each specialist who owes reports, listing them with due dates in their own days", async () => {
    const run = await sendReportsOwedDigests(jobs.db, NOW, ZONE);
    expect(run).toEqual({ queued: 1, alreadySent: 0 });

    const [digest, ...more] = await digestsTo(people.owes.id, "reports_owed_digest");
    expect(more).toEqual([]);
    expect(digest).toMatchObject({ status: "queued", toAddress: people.owes.email, bookingId: null });
    const payload = digest!.payload as { items: ReportOwedItem[]; day: string };
    expect(payload.day).toBe("2026-12-02");
    // Oldest examination first: the most overdue on top.
    expect(payload.items).toEqual([
      {
        bookingId: owed.unconfirmed,
        appointmentDate: "2026-11-13T03:00:00.000Z",
        specialistTimeZone: "America/Los_Angeles",
        // Thursday Nov 12 in Los Angeles + 10 weekdays (not Friday Nov 13, UTC's day).
        dueDate: "2026-11-26",
        overdue: true,
      },
      {
        bookingId: owed.writing,
        appointmentDate: "2026-11-30T17:00:00.000Z",
        specialistTimeZone: "America/Los_Angeles",
        dueDate: "2026-12-14",
        overdue: false,
      },
      {
        bookingId: owed.moved,
        appointmentDate: "2026-12-01T16:00:00.000Z",
        specialistTimeZone: "America/Los_Angeles",
        dueDate: "2026-12-15",
        overdue: false,
      },
    ]);
    // Nothing of the examinee travels with it.
    expect(JSON.stringify(digest)).not.toMatch(/Dana|Digest Org|212-555/);

    // Its delivery job was queued with it (the worker renders and sends it).
    const { rows } = await jobs.pool.query(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE name = $1 AND data->>'outboxId' = $2",
      [QUEUE_NAMES.sendEmail, digest!.id],
    );
    expect(rows[0].n).toBe(1);
  });

  it("sends nothing to whoever owes nothing, switched it off, or is banned", async () => {
    for (const person of [people.upToDate, people.optedOut, people.banned, people.admin])
      expect(await digestsTo(person.id, "reports_owed_digest")).toEqual([]);
  });

  it("never sends two for one day, run again or twice at once; the next day brings the next", async () => {
    expect(await sendReportsOwedDigests(jobs.db, NOW, ZONE)).toEqual({ queued: 0, alreadySent: 1 });
    const later = new Date(NOW.getTime() + 6 * 3_600_000); // 4 pm in New York: the same day
    const twice = await Promise.all([
      sendReportsOwedDigests(jobs.db, later, ZONE),
      sendReportsOwedDigests(jobs.db, later, ZONE),
    ]);
    expect(twice.map((run) => run.queued)).toEqual([0, 0]);
    expect(await digestsTo(people.owes.id, "reports_owed_digest")).toHaveLength(1);

    const nextDay = new Date(NOW.getTime() + 24 * 3_600_000);
    const runs = await Promise.all([
      sendReportsOwedDigests(jobs.db, nextDay, ZONE),
      sendReportsOwedDigests(jobs.db, nextDay, ZONE),
    ]);
    expect(runs.map((run) => run.queued).sort()).toEqual([0, 1]);
    const sent = await digestsTo(people.owes.id, "reports_owed_digest");
    expect(sent.map((row) => (row.payload as { day: string }).day).sort()).toEqual([
      "2026-12-02",
      "2026-12-03",
    ]);
  });
});

describe("a specialist who owes more than one digest lists", () => {
  it("lists the first DIGEST_ITEMS by due day and counts them all", async () => {
    const many = { id: "dg-spec-many", email: "many@digest.test" };
    await jobs.db.insert(users).values({ ...many, name: many.id, role: "user" });
    await jobs.db.insert(specialists).values({
      id: `sp-${many.id}`,
      userId: many.id,
      acuityCalendarId: "dg-cal-many",
      name: many.id,
      specialty: "Orthopaedics",
      timezone: "America/Los_Angeles",
    });
    const owedCount = DIGEST_ITEMS + 3;
    for (let day = 0; day < owedCount; day++)
      await book(
        `sp-${many.id}`,
        new Date(Date.UTC(2026, 8, 2 + day, 17)).toISOString(),
        "generating_report",
      );
    await sendReportsOwedDigests(jobs.db, NOW, ZONE);
    const [digest] = await digestsTo(many.id, "reports_owed_digest");
    const payload = digest!.payload as { items: ReportOwedItem[]; total: number; totalIsCapped: boolean };
    expect(payload.items).toHaveLength(DIGEST_ITEMS);
    expect(payload.total).toBe(owedCount);
    expect(payload.totalIsCapped).toBe(false);
    // The oldest due day first: the first of these examinations (September 2) is on top.
    expect(payload.items[0]!.appointmentDate).toBe("2026-09-02T17:00:00.000Z");
    const dues = payload.items.map((item) => item.dueDate!);
    expect(dues).toEqual([...dues].sort());
  });
});

describe("report due dates", () => {
  it("count weekdays in the specialist's zone: a Friday exam is due two weeks later, on a Friday", () => {
    expect(reportDueDate(new Date("2026-12-04T15:00:00Z"), "America/New_York")).toBe("2026-12-18");
    // Saturday's exam (rare, but Acuity allows it) counts from the Monday after.
    expect(reportDueDate(new Date("2026-12-05T15:00:00Z"), "America/New_York")).toBe("2026-12-18");
  });
});

describe("the admins' daily digest of what needs a person", () => {
  it("sends nothing on a day when nothing needed a person", async () => {
    expect(await sendAttentionDigests(jobs.db, new Date(), ZONE)).toEqual({ queued: 0, alreadySent: 0 });
    expect(await digestsTo(people.admin.id, "attention_digest")).toEqual([]);
  });

  it("lists the last day's events, newest first, once per admin who has not switched it off", async () => {
    const old = await recordAttentionNeeded(jobs.db, {
      reason: "webhook.event_gave_up",
      summary: "An old one, from before yesterday.",
      bookingId: null,
    });
    await jobs.db
      .update(notificationEvents)
      .set({ createdAt: new Date(Date.now() - 30 * 3_600_000) })
      .where(eq(notificationEvents.id, old));
    await recordAttentionNeeded(jobs.db, {
      reason: "acuity.appointment_orphaned",
      summary: "Booking B1 could not be saved, and cancelling its Acuity appointment 42 failed.",
      bookingId: null,
    });
    await recordAttentionNeeded(jobs.db, {
      reason: "email.undeliverable",
      summary: "An e-mail to a referrer could not be delivered.",
      bookingId: owed.writing!,
    });

    const now = new Date();
    expect(await sendAttentionDigests(jobs.db, now, ZONE)).toEqual({ queued: 1, alreadySent: 0 });
    const [digest] = await digestsTo(people.admin.id, "attention_digest");
    expect(digest).toMatchObject({ status: "queued", toAddress: people.admin.email });
    const payload = digest!.payload as {
      items: { reason: string; summary: string; at: string; bookingId: string | null }[];
      total: number;
    };
    expect(payload.total).toBe(2);
    expect(payload.items.map((item) => [item.reason, item.bookingId])).toEqual([
      ["email.undeliverable", owed.writing],
      ["acuity.appointment_orphaned", null],
    ]);
    expect(payload.items[1]!.summary).toMatch(/appointment 42/);
    expect(Date.parse(payload.items[0]!.at)).toBeGreaterThan(Date.parse(payload.items[1]!.at) - 1);

    expect(await digestsTo(people.adminOff.id, "attention_digest")).toEqual([]);
    // Run again the same day (a retry, a second instance): nothing more.
    expect(await sendAttentionDigests(jobs.db, now, ZONE)).toEqual({ queued: 0, alreadySent: 1 });
  });
});
