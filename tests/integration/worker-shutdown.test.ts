/**
 * A worker told to stop (SIGTERM) mid-batch: the appointments it has started are finished, the
 * events it claimed and did not start are handed back — due at once, the claim not counted as an
 * attempt — so another worker takes them without waiting for the lease to run out.
 */
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, webhookEvents } from "@/db/schema";
import { drainDueEvents } from "@/lib/acuity-sync/worker";
import { DEMO_APPOINTMENT_TYPES } from "@/lib/acuity/demo-calendars";
import { setUpWebhookHarness } from "../support/webhook-harness";

const harness = setUpWebhookHarness({
  userId: "4343",
  apiKey: "shutdown-test-key",
  firstAppointmentId: 3_800_001,
});

function bookDirectly(days: number) {
  const date = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  const appointment = harness.emulator.createAppointmentDirectly({
    calendarID: 7101,
    appointmentTypeID: DEMO_APPOINTMENT_TYPES.inPerson.id,
    datetime: `${date}T10:00:00`,
    firstName: "Sam",
    lastName: "Stopping",
    email: `sam.${days}.${Date.now()}@example.com`,
    phone: "(212) 555-0177",
  });
  harness.mine.add(String(appointment.id));
  return String(appointment.id);
}

const eventsOf = (ids: string[]) =>
  getDb()
    .select({
      resourceId: webhookEvents.resourceId,
      processedAt: webhookEvents.processedAt,
      attempts: webhookEvents.attempts,
      due: webhookEvents.nextAttemptAt,
    })
    .from(webhookEvents)
    .where(inArray(webhookEvents.resourceId, ids));

describe("a stopping worker", () => {
  it("finishes the appointment it started and hands back the claims it did not start", async () => {
    const ids = [bookDirectly(20), bookDirectly(21), bookDirectly(22)];
    await harness.emulator.settleWebhooks();

    // Told to stop once it has started one appointment of the batch.
    let asked = 0;
    const processed = await drainDueEvents({ resourceIds: ids }, () => ++asked > 2);
    expect(processed).toBe(1);

    const events = await eventsOf(ids);
    expect(events).toHaveLength(3);
    const done = events.filter((e) => e.processedAt);
    const handedBack = events.filter((e) => !e.processedAt);
    expect(done).toHaveLength(1);
    expect(handedBack).toHaveLength(2);
    for (const event of handedBack) {
      expect(event.attempts).toBe(0);
      expect(event.due!.getTime()).toBeLessThanOrEqual(Date.now() + 1000);
    }

    // Another worker picks them up at once: no lease to wait out.
    expect(await drainDueEvents({ resourceIds: ids })).toBe(2);
    const made = await getDb().select().from(bookings).where(inArray(bookings.acuityAppointmentId, ids));
    expect(made).toHaveLength(3);
  });
});
