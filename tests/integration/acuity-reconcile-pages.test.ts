/**
 * Reconciliation must read a busy week completely: Acuity returns at most `max` appointments
 * per list call, so a full page has to be read again in smaller pieces. A page size of 3
 * stands in for Acuity's 2000 here.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { bookings } from "@/db/schema";
import { createAcuityClient, type AcuityClient } from "@/lib/acuity";
import { DEMO_APPOINTMENT_TYPES } from "@/lib/acuity/demo-calendars";
import { reconcileWindow } from "@/lib/acuity-sync/reconcile";
import { reconcileAcuityDefinition } from "@/lib/acuity-sync/webhook-admin-definitions";
import { defineAction } from "@/lib/actions/define-action";
import { as, createSignedInAdmin, TEST_IP } from "../support/admin-session";
import { auditLogs } from "@/db/schema";
import { and, eq } from "drizzle-orm";
import { startAcuityEmulator, type AcuityEmulator } from "@/services/acuity-emulator";
import { runOnOwnDemoDatabase } from "../support/own-demo-database";

// Its sweeps claim every due booking attempt of the database: only this file's may be there.
runOnOwnDemoDatabase("ime_reconcile_pages");

const USER_ID = "4545";
const API_KEY = "reconcile-pages-test-key";
let emulator: AcuityEmulator;
let client: AcuityClient;
let listCalls = 0;

beforeAll(async () => {
  // No webhook targets: only reconciliation can make these bookings.
  emulator = await startAcuityEmulator({
    port: 0,
    userId: USER_ID,
    apiKey: API_KEY,
    firstAppointmentId: 3_400_001,
    limits: { maxPerSecond: 1000, maxConcurrent: 100 },
  });
  const counting = (async (url: string, init: RequestInit) => {
    if (new URL(url).pathname.endsWith("/appointments")) listCalls += 1;
    return fetch(url, init);
  }) as unknown as typeof fetch;
  client = createAcuityClient(
    { userId: USER_ID, apiKey: API_KEY, baseUrl: emulator.url },
    { fetch: counting },
  );
});
afterAll(() => emulator.stop());

/** A Monday well ahead, so these days are this file's alone. */
function mondayIn(days: number): Date {
  const date = new Date(Date.now() + days * 86_400_000);
  while (date.getUTCDay() !== 1) date.setUTCDate(date.getUTCDate() + 1);
  return new Date(`${date.toISOString().slice(0, 10)}T00:00:00Z`);
}
const dayOf = (monday: Date, offset: number) =>
  new Date(monday.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

function book(day: string, hour: number, calendarID: number) {
  return emulator.createAppointmentDirectly({
    calendarID,
    appointmentTypeID: DEMO_APPOINTMENT_TYPES.inPerson.id,
    datetime: `${day}T${String(hour).padStart(2, "0")}:00:00`,
    firstName: "Busy",
    lastName: `Week ${hour}`,
    email: "busy@nowhere.example",
    phone: "212-555-0100",
  });
}

const bookedIds = async (appointmentIds: number[]) =>
  (
    await getDb()
      .select({ id: bookings.acuityAppointmentId })
      .from(bookings)
      .where(inArray(bookings.acuityAppointmentId, appointmentIds.map(String)))
  )
    .map((row) => Number(row.id))
    .sort();

describe("reconciling a week busier than one page", () => {
  it("brings in every appointment, active and cancelled, though each page holds only 3", async () => {
    const monday = mondayIn(200);
    const made = [
      // Tuesday: five appointments on four calendars — more than a page even for that one day.
      book(dayOf(monday, 1), 10, 7101),
      book(dayOf(monday, 1), 11, 7101),
      book(dayOf(monday, 1), 10, 7102),
      book(dayOf(monday, 1), 10, 7103),
      book(dayOf(monday, 1), 10, 7104),
      // Spread over the rest of the week.
      book(dayOf(monday, 0), 10, 7101),
      book(dayOf(monday, 2), 10, 7101),
      book(dayOf(monday, 3), 10, 7105),
      book(dayOf(monday, 4), 10, 7102),
    ];
    const cancelled = [
      book(dayOf(monday, 0), 11, 7101),
      book(dayOf(monday, 2), 11, 7101),
      book(dayOf(monday, 3), 11, 7101),
      book(dayOf(monday, 4), 11, 7101),
    ];
    for (const appointment of cancelled) emulator.cancelAppointmentDirectly(appointment.id);
    const all = [...made, ...cancelled].map((a) => a.id);

    listCalls = 0;
    const report = await reconcileWindow(
      getDb(),
      client,
      { from: monday, to: new Date(monday.getTime() + 6 * 86_400_000) },
      { pageSize: 3 },
    );

    expect(report).toMatchObject({ seen: all.length, failed: [], truncated: [] });
    expect(report.outcomes.created).toBe(all.length);
    expect(await bookedIds(all)).toEqual([...all].sort());
    expect(listCalls).toBeGreaterThan(2); // more than one page each for active and cancelled
  });

  it("says which calendar day it could not read whole, rather than dropping it silently", async () => {
    const monday = mondayIn(260);
    const day = dayOf(monday, 2);
    const crowded = [9, 10, 11, 12].map((hour) => book(day, hour, 7101));
    const report = await reconcileWindow(
      getDb(),
      client,
      { from: new Date(`${day}T00:00:00Z`), to: new Date(`${day}T00:00:00Z`) },
      { pageSize: 3 },
    );
    expect(report.truncated).toEqual([{ date: day, calendarID: 7101, canceled: false }]);
    expect(report.seen).toBe(3);
    expect(await bookedIds(crowded.map((a) => a.id))).toHaveLength(3);
  });
});

describe("the admin's Reconcile button", () => {
  it("brings in a missed appointment and records who reconciled which window, with the report", async () => {
    const { actor: admin } = await createSignedInAdmin();
    const monday = mondayIn(320);
    const missed = book(dayOf(monday, 1), 10, 7103);
    const window = { from: dayOf(monday, 0), to: dayOf(monday, 6) };
    const result = await defineAction(
      reconcileAcuityDefinition(() => client),
      as(admin),
    )(window);
    expect(result).toMatchObject({ ok: true, data: { seen: 1, failed: [], truncated: [] } });
    expect(await bookedIds([missed.id])).toEqual([missed.id]);
    const [row] = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "acuity.reconciled"), eq(auditLogs.userId, admin.userId)));
    expect(row).toMatchObject({
      resourceId: `${window.from}..${window.to}`,
      ipAddress: TEST_IP,
      metadata: expect.objectContaining({ seen: 1 }),
    });
  });
});
