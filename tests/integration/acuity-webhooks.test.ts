import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseAcuityWebhookPayload, verifyAcuityWebhook } from "@/lib/acuity/webhook-signature";
import type { AcuityEmulator } from "@/services/acuity-emulator/server";
import {
  API_KEY,
  BRENNAN,
  HART,
  TELEHEALTH,
  bookingFor,
  clientFor,
  startTestEmulator,
  startWebhookReceiver,
} from "./acuity-test-support";

let emulator: AcuityEmulator;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let acuity: ReturnType<typeof clientFor>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  emulator = await startTestEmulator({ webhookTargets: [receiver.url] });
  acuity = clientFor(emulator);
});
afterAll(async () => {
  await emulator.stop();
  await receiver.stop();
});
beforeEach(() => {
  emulator.reset();
  emulator.setWebhookTargets([receiver.url]);
  emulator.setWebhookActionStyle("bare");
  receiver.received.length = 0;
});

/** What the portal would see: verified, parsed payloads in arrival order. */
async function receivedEvents() {
  await emulator.settleWebhooks();
  return receiver.received.map((hook) => {
    expect(verifyAcuityWebhook(hook.body, hook.headers["x-acuity-signature"] as string, API_KEY)).toBe(true);
    return parseAcuityWebhookPayload(hook.body)!;
  });
}

const controlRequest = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${emulator.controlUrl}${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status).toBe(200);
  return res.json();
};

describe("webhook delivery", () => {
  it("posts a signed, form-encoded notice for each change, in order", async () => {
    const created = await acuity.createAppointment(bookingFor("2026-12-01T09:00:00-0500"));
    await acuity.rescheduleAppointment(created.id, { datetime: "2026-12-01T11:00:00-0500" });
    await acuity.updateAppointment(created.id, { notes: "Bring imaging" });
    await acuity.cancelAppointment(created.id);

    const events = await receivedEvents();
    expect(events.map((e) => e.action)).toEqual(["scheduled", "rescheduled", "changed", "canceled"]);
    expect(events[0]).toEqual({
      action: "scheduled",
      appointmentId: created.id,
      calendarID: HART,
      appointmentTypeID: created.appointmentTypeID,
    });
    expect(receiver.received[0]!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });

  it("carries a signature that fails for a tampered body", async () => {
    await acuity.createAppointment(bookingFor("2026-12-01T09:00:00-0500"));
    await emulator.settleWebhooks();
    const hook = receiver.received[0]!;
    const signature = hook.headers["x-acuity-signature"] as string;
    expect(verifyAcuityWebhook(hook.body.replace(/id=\d+/, "id=1"), signature, API_KEY)).toBe(false);
  });

  it("can send the appointment.-prefixed action spelling", async () => {
    await controlRequest("PUT", "/webhooks/action-style", { style: "prefixed" });
    await acuity.createAppointment(bookingFor("2026-12-01T09:00:00-0500"));
    await emulator.settleWebhooks();
    expect(receiver.received[0]!.body).toContain("action=appointment.scheduled");
    expect((await receivedEvents())[0]!.action).toBe("scheduled");
  });

  it("delivers the next notice twice when asked", async () => {
    await controlRequest("POST", "/webhooks/duplicate-next", {});
    const first = await acuity.createAppointment(bookingFor("2026-12-01T09:00:00-0500"));
    await acuity.createAppointment(bookingFor("2026-12-01T10:00:00-0500"));
    const ids = (await receivedEvents()).map((e) => e.appointmentId);
    expect(ids.filter((id) => id === first.id)).toHaveLength(2);
    expect(ids).toHaveLength(3);
  });

  it("holds notices and releases them in reverse", async () => {
    await controlRequest("POST", "/webhooks/hold");
    const created = await acuity.createAppointment(bookingFor("2026-12-01T09:00:00-0500"));
    await acuity.rescheduleAppointment(created.id, { datetime: "2026-12-02T09:00:00-0500" });
    await acuity.cancelAppointment(created.id);
    expect(await receivedEvents()).toHaveLength(0);

    expect(await controlRequest("POST", "/webhooks/release", { order: "reversed" })).toEqual({ released: 3 });
    expect((await receivedEvents()).map((e) => e.action)).toEqual(["canceled", "rescheduled", "scheduled"]);
  });

  it("releases a shuffled batch without losing any notice", async () => {
    emulator.holdWebhooks();
    for (const hour of ["09", "10", "11", "12"])
      await acuity.createAppointment(bookingFor(`2026-12-01T${hour}:00:00-0500`));
    emulator.releaseWebhooks("shuffled");
    const ids = (await receivedEvents()).map((e) => e.appointmentId);
    expect([...ids].sort()).toEqual(
      emulator
        .listAllAppointments()
        .map((a) => a.id)
        .sort(),
    );
  });

  it("drops the next notice and records it as dropped", async () => {
    await controlRequest("POST", "/webhooks/drop-next", {});
    const lost = await acuity.createAppointment(bookingFor("2026-12-01T09:00:00-0500"));
    const kept = await acuity.createAppointment(bookingFor("2026-12-01T10:00:00-0500"));
    expect((await receivedEvents()).map((e) => e.appointmentId)).toEqual([kept.id]);
    const deliveries = (await controlRequest("GET", "/webhooks/deliveries")) as Array<{
      appointmentId: number;
      dropped: boolean;
      status: number | null;
    }>;
    expect(deliveries.find((d) => d.appointmentId === lost.id)).toMatchObject({
      dropped: true,
      status: null,
    });
    expect(deliveries.find((d) => d.appointmentId === kept.id)).toMatchObject({
      dropped: false,
      status: 200,
    });
  });

  it("records a target's error status without retrying", async () => {
    const failing = await startWebhookReceiver(500);
    try {
      emulator.setWebhookTargets([failing.url]);
      await acuity.createAppointment(bookingFor("2026-12-01T09:00:00-0500"));
      await emulator.settleWebhooks();
      expect(failing.received).toHaveLength(1);
      expect(emulator.listDeliveries()).toMatchObject([{ status: 500, target: failing.url }]);
    } finally {
      await failing.stop();
    }
  });
});

describe("changes made directly in Acuity", () => {
  it("books as staff with intake fields, and the portal sees it through the API", async () => {
    const direct = (await controlRequest("POST", "/appointments", {
      calendarID: BRENNAN,
      appointmentTypeID: TELEHEALTH,
      datetime: "2026-12-01T10:00:00",
      firstName: "Riley",
      lastName: "Walker",
      email: "riley.walker@example.test",
      phone: "+13125550123",
      fields: [{ id: 11, value: "CLM-9001" }],
    })) as { id: number };
    const fetched = await acuity.getAppointment(direct.id);
    expect(fetched).toMatchObject({
      scheduledBy: "frontdesk@provider.test",
      datetime: "2026-12-01T10:00:00-0500",
      location: `https://meet.example.test/ime-${direct.id}`,
      email: "riley.walker@example.test",
    });
    expect(JSON.stringify(fetched.forms)).toContain("CLM-9001");

    await controlRequest("POST", `/appointments/${direct.id}/change`, {
      datetime: "2026-12-02T15:00:00-0500",
    });
    await controlRequest("POST", `/appointments/${direct.id}/change`, { email: "riley@example.test" });
    await controlRequest("POST", `/appointments/${direct.id}/cancel`, { cancelNote: "Called to cancel" });
    expect((await receivedEvents()).map((e) => e.action)).toEqual([
      "scheduled",
      "rescheduled",
      "changed",
      "canceled",
    ]);
    expect(await acuity.getAppointment(direct.id)).toMatchObject({
      canceled: true,
      email: "riley@example.test",
      datetime: "2026-12-02T15:00:00-0500",
    });
  });

  it("answers control mistakes in Acuity's error shape", async () => {
    const res = await fetch(`${emulator.controlUrl}/appointments/424242/cancel`, {
      method: "POST",
      body: "{}",
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ status_code: 404, error: "not_found" });
  });
});
