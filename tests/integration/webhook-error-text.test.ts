/**
 * What admins read when a sync fails — on Admin → Webhooks, in the reconcile report and its audit
 * row — and what the server log keeps: plain words with the appointment id, never drizzle's
 * "Failed query: insert into "bookings" … params: …" with the examinee's name, phone and e-mail.
 */
import { randomBytes } from "node:crypto";
import { and, desc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditLogs, bookings, webhookEvents } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { createAcuityClient } from "@/lib/acuity";
import { DEMO_APPOINTMENT_TYPES } from "@/lib/acuity/demo-calendars";
import { reconcileAcuityDefinition } from "@/lib/acuity-sync/webhook-admin-definitions";
import { as, createSignedInAdmin } from "../support/admin-session";
import { setUpWebhookHarness } from "../support/webhook-harness";
import { captureServerLog } from "../support/server-log";

const USER_ID = "4646";
const API_KEY = "error-text-test-key";
const harness = setUpWebhookHarness({ userId: USER_ID, apiKey: API_KEY, firstAppointmentId: 3_600_001 });

/** The examinee Acuity holds; none of it may appear in a stored, shown or logged error. */
const tag = randomBytes(3).toString("hex");
const EXAMINEE = {
  firstName: "Quinn",
  lastName: `Privacy${tag}`,
  email: `quinn.${tag}@private.example`,
  phone: "(212) 555-0163",
};
const PERSONAL = [EXAMINEE.lastName, EXAMINEE.email, "555-0163", "2125550163"];
const SQL_WORDS = /failed query|insert into|params:|select |"bookings"/i;

let dropTrigger: () => Promise<void>;
beforeAll(async () => {
  // A real database failure on this file's examinee only: the bookings insert is refused.
  const name = `refuse_examinee_${tag}`;
  await getDb().execute(
    sql.raw(`
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.examinee_name LIKE '%${EXAMINEE.lastName}%' THEN RAISE EXCEPTION 'bookings storage failed (test)'; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER ${name} BEFORE INSERT ON bookings FOR EACH ROW EXECUTE FUNCTION ${name}();`),
  );
  dropTrigger = () =>
    getDb()
      .execute(sql.raw(`DROP TRIGGER ${name} ON bookings; DROP FUNCTION ${name}();`))
      .then(() => {});
});
afterAll(async () => {
  await dropTrigger?.();
  await getDb()
    .update(webhookEvents)
    .set({ processedAt: sql`now()` })
    .where(sql`${webhookEvents.resourceId} IN ${[...harness.mine]} AND ${webhookEvents.processedAt} IS NULL`);
});

const logged = captureServerLog();

function expectPlainWords(text: string, appointmentId: number) {
  expect(text).toContain(String(appointmentId));
  expect(text).not.toMatch(SQL_WORDS);
  for (const value of PERSONAL) expect(text).not.toContain(value);
}

function bookDirectlyInAcuity() {
  const date = new Date(Date.now() + 20 * 86_400_000);
  while (date.getUTCDay() === 0 || date.getUTCDay() === 6) date.setUTCDate(date.getUTCDate() + 1);
  const appointment = harness.emulator.createAppointmentDirectly({
    calendarID: 7101,
    appointmentTypeID: DEMO_APPOINTMENT_TYPES.inPerson.id,
    datetime: `${date.toISOString().slice(0, 10)}T13:00:00`,
    ...EXAMINEE,
  });
  harness.mine.add(String(appointment.id));
  return appointment;
}

describe("a sync the database refuses", () => {
  it("shows admins a sentence on the webhook event, and logs the cause without the examinee's details", async () => {
    const appointment = bookDirectlyInAcuity();
    await harness.emulator.settleWebhooks();
    await harness.drain();

    const [event] = await getDb()
      .select()
      .from(webhookEvents)
      .where(eq(webhookEvents.resourceId, String(appointment.id)));
    expect(event).toMatchObject({ processedAt: null, attempts: 1 });
    expect(event!.error).toMatch(
      /database refused to save appointment \d+.*server log.*tries again by itself/,
    );
    expectPlainWords(event!.error!, appointment.id);
    expect(
      await getDb()
        .select()
        .from(bookings)
        .where(eq(bookings.acuityAppointmentId, String(appointment.id))),
    ).toEqual([]);

    // The server log says what failed — with Postgres's own words, not the row's values.
    const log = logged();
    expect(log).toMatch(/SQLSTATE P0001.*bookings storage failed \(test\)/);
    expect(log).toMatch(/parameters withheld/);
    for (const value of PERSONAL) expect(log).not.toContain(value);
  });

  it("reports it in the same words in the reconcile result and its audit row", async () => {
    const appointment = bookDirectlyInAcuity();
    await harness.emulator.settleWebhooks();
    const { actor } = await createSignedInAdmin();
    const day = appointment.datetime.slice(0, 10);
    const reconcile = defineAction(
      reconcileAcuityDefinition(() =>
        createAcuityClient({ userId: USER_ID, apiKey: API_KEY, baseUrl: harness.emulator.url }),
      ),
      as(actor),
    );

    const result = await reconcile({ from: day, to: day });
    expect(result.ok).toBe(true);
    const failed = result.ok ? result.data.failed : [];
    const mine = failed.find((f) => f.appointmentId === appointment.id);
    expect(mine?.error).toMatch(/database refused to save appointment/);
    for (const failure of failed) expectPlainWords(failure.error, failure.appointmentId);

    const [audit] = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.action, "acuity.reconciled"), eq(auditLogs.userId, actor.userId)))
      .orderBy(desc(auditLogs.timestamp))
      .limit(1);
    expectPlainWords(JSON.stringify(audit!.metadata), appointment.id);
    for (const value of PERSONAL) expect(logged()).not.toContain(value);
  });
});
