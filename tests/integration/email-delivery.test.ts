/**
 * E-mail delivery end to end, over real SMTP: queued in a transaction, sent by the job engine's
 * email.send handler, received by a local SMTP server and parsed back (.ics included).
 *
 * This file works on a database of its own (the demo world seeded into it): the job engine takes
 * every queued job of its database, and on the run's shared one it would send other files' e-mails.
 * Its own SMTP server too, so it can stop it and make it refuse.
 */
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/db/client";
import * as t from "@/db/schema";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { seedDemoData } from "@/db/seed/seed";
import { calendarUid } from "@/lib/email/booking-calendar";
import { deliverOutboxEmail } from "@/lib/email/deliver-email";
import { listMailbox, readMailboxMessage, type MailboxMessage } from "@/lib/email/local-mailbox";
import { queueEmail } from "@/lib/email/queue-email";
import { closeTransport } from "@/lib/email/transport";
import { startJobWorkers, stopJobWorkers, QUEUE_NAMES } from "@/lib/jobs/job-queue";
import { JOB_WORKERS } from "@/lib/jobs/job-workers";
import type { NotificationEventKind } from "@/lib/notifications/kinds";
import { startLocalSmtp, type LocalSmtp } from "@/services/local-smtp/start-local-smtp";
import { createJobsDatabase, type JobsDatabase } from "../support/jobs-database";
import { parseIcs } from "../support/mailbox";

let jobsDb: JobsDatabase;
let smtp: LocalSmtp;
let mailDir: string;
let booking: {
  id: string;
  examineeName: string;
  examineePhone: string;
  examineeEmail: string | null;
  appointmentDate: Date;
};

beforeAll(async () => {
  jobsDb = await createJobsDatabase("ime_email");
  await seedDemoData(jobsDb.db, buildDemoBookings(new Date()));
  await closeDb();
  process.env.DATABASE_URL = jobsDb.url;
  mailDir = await mkdtemp(path.join(os.tmpdir(), "ime-email-delivery-"));
  smtp = await startLocalSmtp({ port: 0, mailboxDir: mailDir });
  process.env.SMTP_URL = smtp.url;
  // Retries are the job engine's business; these tests drive attempts by hand or watch one.
  const [row] = await getDb()
    .select({
      id: t.bookings.id,
      examineeName: t.bookings.examineeName,
      examineePhone: t.bookings.examineePhone,
      examineeEmail: t.bookings.examineeEmail,
      appointmentDate: t.bookings.appointmentDate,
    })
    .from(t.bookings)
    .where(eq(t.bookings.appointmentType, "in_person"))
    .limit(1);
  booking = row!;
});

afterAll(async () => {
  await stopJobWorkers(5_000);
  closeTransport();
  await smtp?.stop();
  await closeDb();
  await jobsDb?.drop();
  await rm(mailDir, { recursive: true, force: true });
});

const address = (label: string) => `${label}-${randomUUID()}@example.com`;

async function waitFor<T>(read: () => Promise<T | null | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function mailTo(to: string): Promise<MailboxMessage[]> {
  const listed = (await listMailbox(smtp.mailboxDir, { limit: 10_000 })).filter((m) => m.to.includes(to));
  const full = await Promise.all(listed.map((m) => readMailboxMessage(smtp.mailboxDir, m.id)));
  return full.filter((m): m is MailboxMessage => m !== null);
}

const outboxRow = async (id: string) =>
  (await getDb().select().from(t.outboxEmails).where(eq(t.outboxEmails.id, id)))[0]!;

async function recordEvent(kind: NotificationEventKind, facts: Record<string, string> = {}) {
  // Written directly: this file tests delivery, not the fan-out (which would queue its own e-mails).
  const [event] = await getDb()
    .insert(t.notificationEvents)
    .values({ kind, bookingId: booking.id, actorUserId: null, facts })
    .returning({ id: t.notificationEvents.id });
  return event!.id;
}

function calendarIn(message: MailboxMessage) {
  const part = message.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  expect(part, "a text/calendar part").toBeTruthy();
  return parseIcs(part!.content!.toString("utf8"));
}

describe("e-mail delivery", () => {
  it("a row queued in a committed transaction is rendered and sent by the job engine, once, with our Message-ID", async () => {
    const to = address("booked");
    const eventId = await recordEvent("booking.booked");
    const earlier = await getDb().$count(
      t.notificationEvents,
      and(
        eq(t.notificationEvents.bookingId, booking.id),
        sql`${t.notificationEvents.kind} in ('booking.booked','booking.rescheduled','booking.cancelled')`,
        sql`${t.notificationEvents.id} <> ${eventId}`,
      ),
    );
    const outboxId = await getDb().transaction((tx) =>
      queueEmail(tx, { kind: "booking_booked", toAddress: to, bookingId: booking.id, eventId }),
    );

    const sendOnly = JOB_WORKERS.filter((worker) => worker.queue === QUEUE_NAMES.sendEmail);
    await startJobWorkers(sendOnly, []);
    const [message] = await waitFor(async () => {
      const received = await mailTo(to);
      return received.length ? received : null;
    });
    const row = await waitFor(async () => {
      const current = await outboxRow(outboxId);
      return current.status === "sent" ? current : null;
    });
    await stopJobWorkers(5_000);

    expect(row).toMatchObject({
      status: "sent",
      attempts: 1,
      error: null,
      messageId: `<${outboxId}@ime-portal.local>`,
    });
    expect(row.subject).toContain(`(ref ${booking.id})`);
    expect(message!.messageId).toBe(row.messageId);
    expect(message!.subject).toBe(row.subject);
    expect(message!.text).toContain(`/bookings/${booking.id}`);
    expect(message!.html).toContain(`/bookings/${booking.id}`);

    const calendar = calendarIn(message!);
    expect(calendar).toMatchObject({
      method: "REQUEST",
      events: [{ uid: calendarUid(booking.id), sequence: earlier, status: "CONFIRMED" }],
    });
    expect(calendar.events[0]!.dtstart).toBe(
      booking.appointmentDate.toISOString().replace(/[-:]|\.\d{3}/g, ""),
    );

    // Never the examinee: not in the subject, the text, the HTML or the calendar.
    const everything = [message!.subject, message!.text, message!.html, message!.raw].join("\n");
    const calendarText = message!.attachments.map((a) => a.content?.toString("utf8") ?? "").join("\n");
    for (const secret of [booking.examineeName, booking.examineePhone, booking.examineeEmail]) {
      if (!secret) continue;
      expect(everything).not.toContain(secret);
      expect(calendarText).not.toContain(secret);
    }
    expect(await mailTo(to)).toHaveLength(1);
  });

  it("a row of a transaction that rolled back never exists, and nothing is sent", async () => {
    const to = address("rolled-back");
    await expect(
      getDb().transaction(async (tx) => {
        await queueEmail(tx, { kind: "booking_no_show", toAddress: to, bookingId: booking.id });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await getDb().select().from(t.outboxEmails).where(eq(t.outboxEmails.toAddress, to))).toEqual([]);
    const jobs = await getDb().execute(
      sql`select count(*)::int as n from pgboss.job where name = ${QUEUE_NAMES.sendEmail} and data->>'outboxId' in (select id from outbox_emails where to_address = ${to})`,
    );
    expect(jobs.rows[0]).toEqual({ n: 0 });
  });

  it("each later version of the booking's calendar entry has a higher SEQUENCE; the cancellation is METHOD:CANCEL", async () => {
    const to = address("sequence");
    const moved = new Date(booking.appointmentDate.getTime() + 86_400_000);
    const booked = await recordEvent("booking.booked");
    const rescheduled = await recordEvent("booking.rescheduled", {
      from: booking.appointmentDate.toISOString(),
      to: moved.toISOString(),
    });
    const cancelled = await recordEvent("booking.cancelled");
    // All three within one millisecond (a JS Date's precision; the database keeps microseconds):
    // each must still count the ones before it.
    for (const [eventId, micros] of [
      [booked, 1],
      [rescheduled, 2],
      [cancelled, 3],
    ] as const) {
      await getDb().execute(
        sql`UPDATE notification_events SET created_at = ${`2026-01-01T00:00:00.12300${micros}Z`}::timestamptz WHERE id = ${eventId}`,
      );
    }
    const sequences: number[] = [];
    for (const [kind, eventId] of [
      ["booking_booked", booked],
      ["booking_rescheduled", rescheduled],
      ["booking_cancelled", cancelled],
    ] as const) {
      const id = await queueEmail(getDb(), { kind, toAddress: to, bookingId: booking.id, eventId });
      await deliverOutboxEmail(id, { jobId: "test", lastAttempt: false });
      const [message] = (await mailTo(to)).filter((m) => m.messageId === `<${id}@ime-portal.local>`);
      const calendar = calendarIn(message!);
      expect(calendar.events[0]!.uid).toBe(calendarUid(booking.id));
      sequences.push(calendar.events[0]!.sequence!);
      if (kind === "booking_rescheduled") {
        expect(calendar.method).toBe("REQUEST");
        expect(calendar.events[0]!.dtstart).toBe(moved.toISOString().replace(/[-:]|\.\d{3}/g, ""));
      }
      if (kind === "booking_cancelled") {
        expect(calendar).toMatchObject({ method: "CANCEL", events: [{ status: "CANCELLED" }] });
      }
    }
    expect(sequences[1]).toBe(sequences[0]! + 1);
    expect(sequences[2]).toBe(sequences[1]! + 1);
  });

  it("a sent row is not sent again when its job comes back", async () => {
    const to = address("twice");
    const id = await queueEmail(getDb(), {
      kind: "examination_booked",
      toAddress: to,
      bookingId: booking.id,
    });
    await deliverOutboxEmail(id, { jobId: "a", lastAttempt: false });
    await deliverOutboxEmail(id, { jobId: "a", lastAttempt: false });
    expect(await mailTo(to)).toHaveLength(1);
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("while the SMTP server is down or refusing, the row stays queued with its attempts and error; it arrives once when the server is back", async () => {
    const to = address("down");
    const id = await queueEmail(getDb(), {
      kind: "examination_cancelled",
      toAddress: to,
      bookingId: booking.id,
    });
    const port = smtp.port;

    await smtp.stop();
    await expect(deliverOutboxEmail(id, { jobId: "j", lastAttempt: false })).rejects.toThrow();
    let row = await outboxRow(id);
    expect(row).toMatchObject({ status: "queued", attempts: 1, sentAt: null });
    expect(row.error).toMatch(/ECONNREFUSED|connect/i);
    // Rendered on the first attempt: an admin sees what will be sent.
    expect(row.subject).toContain(`(ref ${booking.id})`);

    smtp = await startLocalSmtp({ port, mailboxDir: mailDir });
    smtp.setRefusing(true);
    await expect(deliverOutboxEmail(id, { jobId: "j", lastAttempt: false })).rejects.toThrow(/451/);
    row = await outboxRow(id);
    expect(row).toMatchObject({ status: "queued", attempts: 2 });
    expect(row.error).toMatch(/451/);
    expect(row.error).not.toMatch(/select|insert|update/i);

    smtp.setRefusing(false);
    await deliverOutboxEmail(id, { jobId: "j", lastAttempt: false });
    expect(await outboxRow(id)).toMatchObject({ status: "sent", attempts: 3, error: null });
    expect(await mailTo(to)).toHaveLength(1);
  });

  it("the last failed attempt marks the row failed and records an attention event for the admins", async () => {
    const to = address("undeliverable");
    const id = await queueEmail(getDb(), { kind: "booking_no_show", toAddress: to, bookingId: booking.id });
    smtp.setRefusing(true);
    try {
      await expect(deliverOutboxEmail(id, { jobId: "j", lastAttempt: true })).rejects.toThrow();
    } finally {
      smtp.setRefusing(false);
    }
    expect(await outboxRow(id)).toMatchObject({ status: "failed", attempts: 1 });
    const events = await getDb()
      .select()
      .from(t.notificationEvents)
      .where(
        and(
          eq(t.notificationEvents.kind, "attention.needed"),
          sql`${t.notificationEvents.facts}->>'summary' like ${`%${to}%`}`,
        ),
      );
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      bookingId: booking.id,
      actorUserId: null,
      facts: {
        reason: "email.undeliverable",
        summary: `An e-mail (Examinee did not attend) to ${to} could not be delivered after 1 attempt.`,
      },
    });
    // A failed row is not retried by a job that comes back.
    await deliverOutboxEmail(id, { jobId: "j", lastAttempt: false });
    expect(await mailTo(to)).toHaveLength(0);
  });

  it("a row that cannot be rendered fails at once, without retries", async () => {
    const to = address("bad-payload");
    const id = await queueEmail(getDb(), { kind: "invitation", toAddress: to, payload: { nothing: true } });
    await deliverOutboxEmail(id, { jobId: "j", lastAttempt: false });
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row.error).toMatch(/payload is not valid/);
  });

  it("a password reset keeps neither its body nor, once sent, its link on the row", async () => {
    const to = address("reset");
    const id = await queueEmail(getDb(), {
      kind: "password_reset",
      toAddress: to,
      payload: { url: "http://localhost:3000/reset-password/secret-token" },
    });
    await deliverOutboxEmail(id, { jobId: "j", lastAttempt: false });
    const [message] = await mailTo(to);
    expect(message!.text).toContain("/reset-password/secret-token");
    expect(await outboxRow(id)).toMatchObject({
      status: "sent",
      subject: "Reset your IME Portal password",
      textBody: null,
      htmlBody: null,
      payload: null,
    });
  });
});
