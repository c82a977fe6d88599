/**
 * E-mail delivery across processes, on real parts: two `npm run worker` processes working one
 * queue (a database of their own, tests/support/jobs-database.ts) and a real SMTP server that
 * counts every copy by Message-ID (tests/support/counting-smtp.ts).
 *
 * - Two app instances working the queue → each message exactly once, both taking a share.
 * - The SMTP server down for a while → every message arrives after it returns, none twice.
 *
 * The e-mails are attention digests (a kind that needs no booking), queued through the portal's
 * own queueEmail on this test's connection, as a request would.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outboxEmails } from "@/db/schema";
import { queueEmail } from "@/lib/email/queue-email";
import { copiesById, startCountingSmtp, type CountingSmtp } from "../support/counting-smtp";
import { createJobsDatabase, type JobsDatabase } from "../support/jobs-database";
import { startWorkerProcess, waitUntil, type WorkerProcess } from "../support/worker-process";

let jobs: JobsDatabase;
let smtp: CountingSmtp;
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  jobs = await createJobsDatabase("ime_two_workers");
  smtp = await startCountingSmtp();
}, 120_000);
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.kill("SIGKILL")));
  await smtp.stop();
  await jobs.drop();
});

function startWorker(name: string) {
  const worker = startWorkerProcess(name, {
    DATABASE_URL: jobs.url,
    SMTP_URL: smtp.url,
    JOB_POLL_MS: "500",
    JOB_LEASE_SECONDS: "10",
    EMAIL_RETRY_DELAY_SECONDS: "1",
  });
  workers.push(worker);
  return worker;
}

/** Queues `count` e-mails, each in its own transaction like the requests that cause them. */
async function queueMany(tag: string, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      await jobs.db.transaction((tx) =>
        queueEmail(tx, {
          kind: "attention_digest",
          toAddress: `${tag}-${i}@jobs.test`,
          payload: {
            items: [
              {
                summary: `Test message ${i} of ${tag}.`,
                reason: "webhook.event_gave_up",
                at: new Date().toISOString(),
                bookingId: null,
              },
            ],
          },
        }),
      ),
    );
  }
  return ids;
}

const rowsOf = async (ids: string[]) =>
  (await jobs.db.select().from(outboxEmails)).filter((row) => ids.includes(row.id));
const copiesFor = (tag: string) =>
  copiesById(smtp.received.filter((copy) => copy.to.some((to) => to.startsWith(`${tag}-`))));
/** Outbox ids of the e-mails a worker's log says it sent. */
const sentBy = (worker: WorkerProcess) =>
  new Set(worker.lines.filter((line) => line.msg === "e-mail sent").map((line) => String(line.outboxId)));

describe("two worker processes on one queue", () => {
  it("deliver each of 200 e-mails exactly once, and both take a share", async () => {
    const a = startWorker("worker-a");
    const b = startWorker("worker-b");
    await Promise.all([a.running, b.running]);
    const ids = await queueMany("pair", 200);

    await waitUntil(
      async () => (await rowsOf(ids)).every((row) => row.status === "sent"),
      "every outbox row to be sent",
    );
    // Give a straggler — a copy that should not exist — a moment to show up before counting.
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const rows = await rowsOf(ids);
    const copies = copiesFor("pair");
    expect(copies.size).toBe(200);
    expect([...copies.values()].every((n) => n === 1)).toBe(true);
    // Each row's Message-ID is the one that arrived, once.
    expect(rows.every((row) => copies.get(row.messageId!) === 1)).toBe(true);
    expect(rows.every((row) => row.attempts === 1)).toBe(true);

    // Both processes worked the queue, and no row was sent by both.
    const [byA, byB] = [sentBy(a), sentBy(b)];
    expect(byA.size).toBeGreaterThan(0);
    expect(byB.size).toBeGreaterThan(0);
    expect([...byA].filter((id) => byB.has(id))).toEqual([]);
    expect(byA.size + byB.size).toBe(200);
  });

  it("deliver what was queued while the SMTP server was down once it is back, none twice", async () => {
    await smtp.pause();
    const ids = await queueMany("outage", 40);
    // Every e-mail has met the closed port at least once: the outage was real for all of them.
    await waitUntil(
      async () => (await rowsOf(ids)).every((row) => row.attempts >= 1 && row.status === "queued"),
      "every e-mail to have failed an attempt while the server was down",
    );
    const failedAttempts = (await rowsOf(ids)).map((row) => row.error);
    expect(failedAttempts.every((error) => error && !/select|insert|update/i.test(error))).toBe(true);

    await smtp.resume();
    await waitUntil(
      async () => (await rowsOf(ids)).every((row) => row.status === "sent"),
      "every e-mail to be sent after the server came back",
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const copies = copiesFor("outage");
    expect(copies.size).toBe(40);
    expect([...copies.values()].every((n) => n === 1)).toBe(true);
    expect((await rowsOf(ids)).every((row) => row.error === null && row.sentAt !== null)).toBe(true);
  });
});
