/**
 * A worker killed outright (SIGKILL: no shutdown, no hand-back) while it holds e-mail jobs — the
 * SMTP server answers each message slowly, so the kill lands mid-send — and another started in its
 * place: every e-mail arrives (none lost), the dead worker's jobs coming back once their lease
 * (JOB_LEASE_SECONDS, 5 here) has run out.
 *
 * Delivery is at least once, and this test says exactly where "once" ends: a message whose last
 * byte reached the server before the kill, but whose outbox row was not yet marked sent, is sent
 * again by the next worker — with the same Message-ID, so a receiving system can drop the copy.
 * Those are the messages in flight at the kill; every other message arrives exactly once.
 */
import { inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { outboxEmails } from "@/db/schema";
import { queueEmail } from "@/lib/email/queue-email";
import { copiesById, startCountingSmtp, type CountingSmtp } from "../support/counting-smtp";
import { createJobsDatabase, type JobsDatabase } from "../support/jobs-database";
import { startWorkerProcess, waitUntil, type WorkerProcess } from "../support/worker-process";

const COUNT = 120;
let jobs: JobsDatabase;
let smtp: CountingSmtp;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  // A job takes its queue's lease and retry delay when it is queued: the database is migrated
  // (queues written) with the workers' values, since the e-mails are queued before they start.
  process.env.JOB_LEASE_SECONDS = "5";
  process.env.EMAIL_RETRY_DELAY_SECONDS = "1";
  jobs = await createJobsDatabase("ime_worker_crash");
  smtp = await startCountingSmtp({ answerDelayMs: 150 });
}, 120_000);
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.kill("SIGKILL")));
});
afterAll(async () => {
  delete process.env.JOB_LEASE_SECONDS;
  delete process.env.EMAIL_RETRY_DELAY_SECONDS;
  await smtp.stop();
  await jobs.drop();
});

function startWorker(name: string) {
  const worker = startWorkerProcess(name, {
    DATABASE_URL: jobs.url,
    SMTP_URL: smtp.url,
    JOB_POLL_MS: "500",
    JOB_LEASE_SECONDS: "5",
    EMAIL_RETRY_DELAY_SECONDS: "1",
  });
  workers.push(worker);
  return worker;
}

const rows = () =>
  jobs.db
    .select({ id: outboxEmails.id, status: outboxEmails.status, messageId: outboxEmails.messageId })
    .from(outboxEmails);

async function queueMany(tag: string, count: number) {
  for (let i = 0; i < count; i++)
    await queueEmail(jobs.db, {
      kind: "attention_digest",
      toAddress: `${tag}-${i}@jobs.test`,
      payload: {
        items: [{ summary: `Message ${i}.`, reason: "test", at: new Date().toISOString(), bookingId: null }],
      },
    });
}

describe("a worker killed mid-send", () => {
  it("loses no e-mail: another worker sends what it held; only messages in flight at the kill may arrive twice", async () => {
    await queueMany("crash", COUNT);

    const first = startWorker("worker-first");
    // Kill it once it is well into the queue, while the server is holding messages back.
    await waitUntil(
      () => smtp.received.length >= 30 && smtp.holding().length > 0,
      "the first worker to be mid-send",
    );
    await first.kill("SIGKILL");

    // In flight at the kill: the server has the whole message, the outbox does not say sent.
    // (Give the server's held answers their time, so "received" is complete for the dead sender.)
    await new Promise((resolve) => setTimeout(resolve, 500));
    const receivedBeforeRestart = new Set(smtp.received.map((copy) => copy.messageId));
    const unsentAtKill = await jobs.db
      .select({ messageId: outboxEmails.messageId })
      .from(outboxEmails)
      .where(inArray(outboxEmails.status, ["queued"]));
    const inFlight = new Set(
      unsentAtKill
        .map((row) => row.messageId)
        .filter((id): id is string => id !== null && receivedBeforeRestart.has(id)),
    );
    const jobsHeld = await jobs.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email.send' AND state = 'active'",
    );
    // The kill really left jobs taken and unfinished.
    expect(jobsHeld.rows[0]!.n).toBeGreaterThan(0);

    startWorker("worker-second");
    await waitUntil(
      async () => (await rows()).every((row) => row.status === "sent"),
      "every e-mail to be sent by the second worker",
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const all = await rows();
    const copies = copiesById(smtp.received);
    // None lost: every row's Message-ID arrived.
    expect(all.filter((row) => !copies.has(row.messageId!))).toEqual([]);
    // None twice, except messages in flight at the kill.
    const twice = [...copies].filter(([, n]) => n > 1).map(([id]) => id);
    expect(twice.filter((id) => !inFlight.has(id))).toEqual([]);
    expect([...copies.values()].every((n) => n <= 2)).toBe(true);
    expect(copies.size).toBe(COUNT);
  }, 300_000);
});

describe("a worker told to stop mid-send (SIGTERM)", () => {
  it("finishes the e-mails in hand and exits 0; the next worker sends the rest, each exactly once", async () => {
    smtp.received.length = 0;
    await queueMany("graceful", 80);
    const first = startWorker("worker-stopping");
    await waitUntil(
      () => smtp.received.length >= 20 && smtp.holding().length > 0,
      "the worker to be mid-send",
    );
    expect(await first.kill("SIGTERM")).toBe(0);
    // Nothing left taken: what it fetched, it finished.
    const active = await jobs.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'email.send' AND state = 'active'",
    );
    expect(active.rows[0]!.n).toBe(0);

    startWorker("worker-next");
    await waitUntil(
      async () => (await rows()).every((row) => row.status === "sent"),
      "every e-mail to be sent",
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const copies = copiesById(smtp.received);
    expect(copies.size).toBe(80);
    expect([...copies.values()].every((n) => n === 1)).toBe(true);
  }, 300_000);
});
