/**
 * The daily digests' schedule with two `npm run worker` processes running it: at the due minute
 * each digest job is created once (both processes' clocks send it under the same id: the first
 * wins), runs once, and each person gets one e-mail — over a real SMTP server. The clock's
 * boundary cases, each check's time given, are in job-schedule-clock.test.ts.
 *
 * The schedule is set (DIGEST_CRON, in UTC) to a minute a little ahead, so the test waits for it
 * (20–80 s), then for a minute past it, in which each process checks about six times and a second
 * job would have had every chance to appear: about two minutes in all.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookings, organizations, outboxEmails, specialists, users } from "@/db/schema";
import { recordAttentionNeeded } from "@/lib/notifications/attention";
import { QUEUE_NAMES } from "@/lib/jobs/queues";
import { copiesById, startCountingSmtp, type CountingSmtp } from "../support/counting-smtp";
import { createJobsDatabase, type JobsDatabase } from "../support/jobs-database";
import { startWorkerProcess, waitUntil, type WorkerProcess } from "../support/worker-process";

let jobs: JobsDatabase;
let smtp: CountingSmtp;
const workers: WorkerProcess[] = [];
const DAY = 86_400_000;

beforeAll(async () => {
  jobs = await createJobsDatabase("ime_schedule_once");
  smtp = await startCountingSmtp();
  const { db } = jobs;
  const longAgo = new Date(Date.now() - 60 * DAY);
  await db.insert(users).values([
    { id: "so-spec", name: "Dr Schedule", email: "spec@schedule.test", role: "user" },
    { id: "so-admin", name: "Ada Admin", email: "admin@schedule.test", role: "admin" },
  ]);
  await db.insert(organizations).values({ id: "so-org", name: "Org", slug: "so-org", createdAt: longAgo });
  await db.insert(specialists).values({
    id: "so-specialist",
    userId: "so-spec",
    acuityCalendarId: "so-cal",
    name: "Dr Schedule",
    specialty: "Neurology",
    timezone: "America/Chicago",
  });
  await db.insert(bookings).values({
    id: "so-booking",
    acuityAppointmentId: "so-appt",
    specialistId: "so-specialist",
    organizationId: "so-org",
    createdById: "so-admin",
    examineeName: "Examinee",
    examineePhone: "555",
    appointmentDate: new Date(Date.now() - 3 * DAY),
    appointmentType: "telehealth",
    currentProgress: "generating_report",
    createdAt: longAgo,
  });
  await recordAttentionNeeded(db, {
    reason: "webhook.event_gave_up",
    summary: "Acuity's change to appointment 7 could not be applied.",
    bookingId: null,
  });
}, 120_000);
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill("SIGKILL")));
  await smtp.stop();
  await jobs.drop();
});

/** The first whole minute at least 20 s ahead: time for both workers to start and schedule it. */
function nextDueMinute(): Date {
  return new Date(Math.ceil((Date.now() + 20_000) / 60_000) * 60_000);
}

const jobsOf = async (queue: string) =>
  (
    await jobs.pool.query<{ state: string }>("SELECT state::text FROM pgboss.job WHERE name = $1", [queue])
  ).rows.map((row) => row.state);

describe("the digest schedule with two worker processes", () => {
  it("creates each digest job once at its time, and each person gets one e-mail", async () => {
    const due = nextDueMinute();
    const env = {
      DATABASE_URL: jobs.url,
      SMTP_URL: smtp.url,
      JOB_POLL_MS: "500",
      DIGEST_CRON: `${due.getUTCMinutes()} ${due.getUTCHours()} * * *`,
      DIGEST_TIME_ZONE: "UTC",
    };
    workers.push(startWorkerProcess("schedule-a", env), startWorkerProcess("schedule-b", env));

    await waitUntil(
      async () =>
        (await jobsOf(QUEUE_NAMES.reportsOwedDigest)).includes("completed") &&
        (await jobsOf(QUEUE_NAMES.attentionDigest)).includes("completed"),
      "both digest jobs to run",
      240_000,
    );
    // Each process checks every 10 s and sends the due time's job at its first check past it; a
    // second job would exist by a minute past the due time.
    const windowClosed = due.getTime() + 60_000 + 10_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, windowClosed - Date.now())));
    await waitUntil(
      async () =>
        (await jobs.db.select().from(outboxEmails)).every((row) => row.status === "sent") &&
        smtp.received.length >= 2,
      "the digests to be delivered",
    );

    expect(await jobsOf(QUEUE_NAMES.reportsOwedDigest)).toEqual(["completed"]);
    expect(await jobsOf(QUEUE_NAMES.attentionDigest)).toEqual(["completed"]);
    const outbox = await jobs.db
      .select({ kind: outboxEmails.kind, to: outboxEmails.toAddress, messageId: outboxEmails.messageId })
      .from(outboxEmails)
      .orderBy(outboxEmails.kind);
    expect(outbox.map((row) => [row.kind, row.to])).toEqual([
      ["attention_digest", "admin@schedule.test"],
      ["reports_owed_digest", "spec@schedule.test"],
    ]);
    const copies = copiesById(smtp.received);
    expect(outbox.map((row) => copies.get(row.messageId!))).toEqual([1, 1]);
    expect(smtp.received).toHaveLength(2);
  }, 420_000);
});
