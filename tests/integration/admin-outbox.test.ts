/**
 * Admin → Outbox: the sends record (listOutbox), "Send again" through the real action (audited,
 * a new row pointing back, delivered over SMTP to the run's local server), and the local
 * mailbox's attachment downloads (admins only). Delivery jobs are run here by calling the job's
 * handler: the job engine is not started on the shared database.
 */
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import * as t from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import type { Actor } from "@/lib/authz/actor";
import { deliverOutboxEmail } from "@/lib/email/deliver-email";
import { listOutbox } from "@/lib/email/list-outbox";
import { handleMailboxAttachment } from "@/lib/email/mailbox-attachment-handler";
import { queueEmail } from "@/lib/email/queue-email";
import { resendEmailDefinition } from "@/lib/email/resend-definitions";
import { as, createSignedInAdmin, TEST_IP } from "../support/admin-session";
import { buildActors } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { parseIcs, waitForMailTo } from "../support/mailbox";

let admin: Actor;
let actors: ReturnType<typeof buildActors>;
let bookingId: string;

beforeAll(async () => {
  ({ actor: admin } = await createSignedInAdmin());
  const world = await insertAuthzWorld();
  actors = buildActors(world.id);
  bookingId = world.bookingIds.aTeam1;
});

const address = (label: string) => `${label}-${randomUUID()}@example.com`;
const resend = (actor: Actor) => defineAction(resendEmailDefinition, as(actor));
const outboxRow = async (id: string) =>
  (await getDb().select().from(t.outboxEmails).where(eq(t.outboxEmails.id, id)))[0]!;

async function sentEmail(kind: "booking_booked" | "password_reset", to: string) {
  const id = await queueEmail(getDb(), {
    kind,
    toAddress: to,
    bookingId: kind === "password_reset" ? null : bookingId,
    payload: kind === "password_reset" ? { url: "http://localhost:3000/reset-password?token=t" } : null,
  });
  await deliverOutboxEmail(id, { jobId: "test", lastAttempt: false });
  return id;
}

describe("Send again", () => {
  it("queues a new row with the same kind, recipient, booking and payload; audited; the message arrives again", async () => {
    const to = address("resend");
    const firstId = await sentEmail("booking_booked", to);
    await waitForMailTo(to);

    const result = await resend(admin)({ outboxId: firstId });
    expect(result.ok).toBe(true);
    const newId = result.ok ? result.data.outboxId : "";
    expect(await outboxRow(newId)).toMatchObject({
      kind: "booking_booked",
      toAddress: to,
      bookingId,
      status: "queued",
      resentFromId: firstId,
      attempts: 0,
    });
    const [audit] = await getDb()
      .select()
      .from(t.auditLogs)
      .where(and(eq(t.auditLogs.action, "email.resent"), eq(t.auditLogs.resourceId, firstId)));
    expect(audit).toMatchObject({
      userId: admin.userId,
      resourceType: "outbox_email",
      ipAddress: TEST_IP,
      metadata: {
        newOutboxId: newId,
        kind: "booking_booked",
        toAddress: to,
        bookingId,
        previousStatus: "sent",
      },
    });

    await deliverOutboxEmail(newId, { jobId: "test", lastAttempt: false });
    const received = await waitForMailTo(to, { count: 2 });
    expect(new Set(received.map((m) => m.messageId)).size).toBe(2);
    expect(received.every((m) => m.subject?.includes(`(ref ${bookingId})`))).toBe(true);
  });

  it("sends a failed e-mail again", async () => {
    const to = address("failed");
    const id = await queueEmail(getDb(), { kind: "booking_no_show", toAddress: to, bookingId });
    await getDb()
      .update(t.outboxEmails)
      .set({ status: "failed", attempts: 11, error: "451 busy" })
      .where(eq(t.outboxEmails.id, id));
    const result = await resend(admin)({ outboxId: id });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    await deliverOutboxEmail(result.data.outboxId, { jobId: "test", lastAttempt: false });
    expect(await waitForMailTo(to)).toHaveLength(1);
    expect(await outboxRow(id)).toMatchObject({ status: "failed" });
  });

  it("never sends a password reset again, nor one still queued", async () => {
    const reset = await sentEmail("password_reset", address("reset"));
    expect(await resend(admin)({ outboxId: reset })).toMatchObject({ ok: false, code: "forbidden" });
    const queued = await queueEmail(getDb(), { kind: "booking_booked", toAddress: address("q"), bookingId });
    expect(await resend(admin)({ outboxId: queued })).toMatchObject({ ok: false, code: "conflict" });
    expect(await resend(admin)({ outboxId: "no-such-row" })).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await getDb().select().from(t.outboxEmails).where(eq(t.outboxEmails.resentFromId, reset)),
    ).toHaveLength(0);
  });

  it("is refused to anyone but an admin acting as themselves", async () => {
    const id = await sentEmail("booking_booked", address("not-admin"));
    for (const actor of [actors.ownerA, actors.specialistS1, { ...admin, impersonatorId: admin.userId }]) {
      expect(await resend(actor)({ outboxId: id })).toMatchObject({ ok: false, code: "not_found" });
    }
    expect(await getDb().select().from(t.outboxEmails).where(eq(t.outboxEmails.resentFromId, id))).toEqual(
      [],
    );
  });
});

describe("the sends record", () => {
  it("lists rows newest first with their outcome, filters by status, and hides a password reset's body", async () => {
    const to = address("listed");
    const id = await sentEmail("booking_booked", to);
    const reset = await sentEmail("password_reset", address("listed-reset"));
    const all = await listOutbox(getDb(), { status: "all", page: 1 });
    expect(all.counts.all).toBe(all.counts.queued + all.counts.sent + all.counts.failed);
    const sent = await listOutbox(getDb(), { status: "sent", page: 1 });
    expect(sent.rows.every((row) => row.status === "sent")).toBe(true);
    const row = all.rows.find((r) => r.id === id);
    expect(row).toMatchObject({ status: "sent", attempts: 1, toAddress: to, bookingId, resendable: true });
    expect(row!.textBody).toContain(`/bookings/${bookingId}`);
    expect(all.rows.find((r) => r.id === reset)).toMatchObject({ textBody: null, resendable: false });
  });
});

describe("the local mailbox's attachments", () => {
  it("gives an admin the .ics of a received booking e-mail as a download, and everyone else a 404", async () => {
    const to = address("ics");
    await sentEmail("booking_booked", to);
    const [message] = await waitForMailTo(to);
    const index = message!.attachments.findIndex((a) => a.filename === "invite.ics");
    expect(index).toBeGreaterThanOrEqual(0);

    const response = await handleMailboxAttachment(
      { id: message!.id, index: String(index) },
      async () => admin,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/ics");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="invite\.ics"/);
    expect(parseIcs(await response.text()).events[0]!.uid).toBe(`${bookingId}@ime-portal`);

    for (const actor of [
      actors.ownerA,
      actors.specialistS1,
      { ...admin, impersonatorId: admin.userId },
      null,
    ]) {
      const refused = await handleMailboxAttachment(
        { id: message!.id, index: String(index) },
        async () => actor,
      );
      expect(refused.status).toBe(404);
    }
    for (const params of [
      { id: message!.id, index: "99" },
      { id: message!.id, index: "-1" },
      { id: "../../etc/passwd", index: "0" },
    ]) {
      expect((await handleMailboxAttachment(params, async () => admin)).status).toBe(404);
    }
  });
});
