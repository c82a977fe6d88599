/**
 * Charges arise with the stage change that causes them, in its transaction, at the price in
 * effect then: an examination when the report is generated, a late cancellation, a no-show —
 * none for an early cancellation or a provider's one, none twice for a duplicate webhook. An
 * organization's own schedule wins over the default; an admin waives a charge only with a
 * reason (audited); members and specialists never see charges.
 *
 * Each test gets a fresh fixture world; organization A is given its own fee schedule. The suite's
 * database has no default schedule (one would charge every other test's fixtures); the test that
 * needs one makes it in a transaction it rolls back. Specialist S1 is "Neurology".
 */
import { randomInt } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type Tx } from "@/db/client";
import {
  bookings,
  charges,
  documents,
  feeSchedulePrices,
  feeSchedules,
  invoiceLines,
  invoices,
  notificationEvents,
  specialists,
} from "@/db/schema";
import type { ProgressStage } from "@/db/schema/enums";
import { defineAction } from "@/lib/actions/define-action";
import { auditContextFor, type RequestActor } from "@/lib/actions/request-actor";
import type { AcuityAppointment } from "@/lib/acuity";
import { applyAcuityAppointment } from "@/lib/acuity-sync/apply-appointment";
import { getSystemUserId } from "@/lib/acuity-sync/system-user";
import type { Actor } from "@/lib/authz/actor";
import { acuityAppointmentTypeId } from "@/lib/availability/appointment-types";
import { waiveChargeDefinition } from "@/lib/billing/charge-definitions";
import { saveFeeScheduleDefinition } from "@/lib/billing/fee-schedule-definitions";
import { feeScheduleInEffect } from "@/lib/billing/fee-schedule-in-effect";
import { listBookingCharges } from "@/lib/billing/list-booking-charges";
import { changeProgress, type ProgressSideEffect } from "@/lib/bookings/progress";
import { buildActors } from "../support/authz-fixture";
import { auditRowsFor } from "../support/audit-rows";
import { insertAuthzWorld } from "../support/insert-authz-world";

const HOUR = 3_600_000;
const who = (actor: Actor) => ({
  actor,
  auditContext: auditContextFor(actor, { ipAddress: "203.0.113.9", userAgent: "vitest" }),
});
const as = (actor: Actor) => async (): Promise<RequestActor> => who(actor);
/** The Acuity call of a cancel or no-show is not what these tests are about. */
const acuityAgrees: ProgressSideEffect = async () => {};

/** Organization A's own schedule: CAD, 13 %, late = within 48 h → $150, no-show $200, Neurology telehealth $450. */
const A_SCHEDULE = {
  currency: "CAD",
  taxRate: "13",
  lateCancellationFee: "150.00",
  lateCancellationWindowHours: "48",
  noShowFee: "200",
  specialty_0: "Neurology",
  price_0_telehealth: "450.00",
  price_0_in_person: "",
};

async function worldWithBooking(stage: ProgressStage, hoursFromNow: number) {
  const world = await insertAuthzWorld();
  const actors = buildActors(world.id);
  const bookingId = world.bookingIds.aTeam2;
  await getDb()
    .update(bookings)
    .set({
      currentProgress: stage,
      appointmentDate: new Date(Date.now() + hoursFromNow * HOUR),
      createdAt: new Date(Date.now() - 60 * 24 * HOUR),
    })
    .where(eq(bookings.id, bookingId));
  const saved = await defineAction(
    saveFeeScheduleDefinition,
    as(actors.platformAdmin),
  )({ ...A_SCHEDULE, organizationId: world.id("A") });
  expect(saved.ok).toBe(true);
  return { ...world, actors, bookingId };
}

const chargesOf = (bookingId: string) =>
  getDb().select().from(charges).where(eq(charges.bookingId, bookingId));

async function move(
  actor: Actor,
  bookingId: string,
  expectedFrom: ProgressStage,
  to: ProgressStage,
  note?: string,
  outer?: Tx,
) {
  const run = (tx: Tx) => changeProgress(tx, who(actor), { bookingId, expectedFrom, to, note }, acuityAgrees);
  await (outer ? run(outer) : getDb().transaction(run));
}

async function generateReport(actor: Actor, bookingId: string, uploadedById: string, outer?: Tx) {
  await move(actor, bookingId, "scheduled", "generating_report", undefined, outer);
  await (outer ?? getDb()).insert(documents).values({
    bookingId,
    uploadedById,
    s3Key: `test/${bookingId}/${randomInt(1e9)}.pdf`,
    fileName: "report.pdf",
    fileSize: 1234,
    mimeType: "application/pdf",
    category: "report",
  });
  await move(actor, bookingId, "generating_report", "report_generated", undefined, outer);
}

describe("charges made by stage changes", () => {
  it("charges the examination at the organization's price when the report is generated, with tax and currency copied", async () => {
    const { actors, bookingId, id } = await worldWithBooking("scheduled", -2);
    await generateReport(actors.specialistS1, bookingId, id("specialistS1"));
    const [charge, ...more] = await chargesOf(bookingId);
    expect(more).toHaveLength(0);
    expect(charge).toMatchObject({
      kind: "examination",
      amountMinor: 45_000,
      currency: "CAD",
      taxRateBasisPoints: 1300,
      organizationId: id("A"),
      waivedAt: null,
    });
    expect(charge!.description).toContain("Examination (Neurology, telehealth)");
    expect((await auditRowsFor("charge", charge!.id)).map((r) => r.action)).toEqual(["charge.created"]);
  });

  it("charges a referrer's cancellation within the window, and not one made earlier", async () => {
    const late = await worldWithBooking("scheduled", 47);
    await move(late.actors.ownerA, late.bookingId, "scheduled", "cancelled", "Claim withdrawn");
    expect(await chargesOf(late.bookingId)).toMatchObject([
      { kind: "late_cancellation", amountMinor: 15_000 },
    ]);

    const early = await worldWithBooking("scheduled", 49);
    await move(early.actors.ownerA, early.bookingId, "scheduled", "cancelled", "Claim withdrawn");
    expect(await chargesOf(early.bookingId)).toEqual([]);
  });

  it("does not charge a late cancellation made by the provider's side (an admin in their own name)", async () => {
    const { actors, bookingId } = await worldWithBooking("scheduled", 5);
    await move(actors.platformAdmin, bookingId, "scheduled", "cancelled", "Specialist is ill");
    expect(await chargesOf(bookingId)).toEqual([]);
  });

  it("charges a no-show at the schedule's no-show fee", async () => {
    const { actors, bookingId } = await worldWithBooking("scheduled", -1);
    await move(actors.specialistS1, bookingId, "scheduled", "no_show");
    expect(await chargesOf(bookingId)).toMatchObject([
      { kind: "no_show", amountMinor: 20_000, currency: "CAD" },
    ]);
  });

  it("keeps the price of the moment: a later price change does not alter the charge", async () => {
    const { actors, bookingId, id } = await worldWithBooking("scheduled", -2);
    await generateReport(actors.specialistS1, bookingId, id("specialistS1"));
    const saved = await defineAction(
      saveFeeScheduleDefinition,
      as(actors.platformAdmin),
    )({ ...A_SCHEDULE, price_0_telehealth: "999.99", taxRate: "15", organizationId: id("A") });
    expect(saved.ok).toBe(true);
    expect(await chargesOf(bookingId)).toMatchObject([{ amountMinor: 45_000, taxRateBasisPoints: 1300 }]);
  });

  it("writes no charge when the stage change rolls back", async () => {
    const { actors, bookingId } = await worldWithBooking("scheduled", -1);
    await expect(
      getDb().transaction(async (tx) => {
        await changeProgress(
          tx,
          who(actors.specialistS1),
          { bookingId, expectedFrom: "scheduled", to: "no_show" },
          acuityAgrees,
        );
        expect(await tx.select().from(charges).where(eq(charges.bookingId, bookingId))).toHaveLength(1);
        throw new Error("the commit fails after the charge was written");
      }),
    ).rejects.toThrow("the commit fails");
    expect(await chargesOf(bookingId)).toEqual([]);
    expect(
      (await getDb().select().from(bookings).where(eq(bookings.id, bookingId)))[0]!.currentProgress,
    ).toBe("scheduled");
  });

  it("an organization's own schedule wins over the default; without one the default prices it", async () => {
    const { actors, bookingIds, id } = await worldWithBooking("scheduled", -2);
    // Organization B has no schedule of its own; its booking bTeam1 is also with S1, telehealth.
    await getDb()
      .update(bookings)
      .set({
        appointmentDate: new Date(Date.now() - 2 * HOUR),
        createdAt: new Date(Date.now() - 60 * 24 * HOUR),
      })
      .where(eq(bookings.id, bookingIds.bTeam1));
    // The default schedule is one for the whole database: made inside a transaction that is rolled
    // back, so no other test file ever sees it (the suite's seed has none).
    const rolledBack = new Error("roll back the default schedule");
    await expect(
      getDb().transaction(async (tx) => {
        const [fallback] = await tx
          .insert(feeSchedules)
          .values({
            organizationId: null,
            currency: "CAD",
            taxRateBasisPoints: 500,
            lateCancellationFeeMinor: 100_00,
            lateCancellationWindowHours: 24,
            noShowFeeMinor: 100_00,
          })
          .returning();
        await tx.insert(feeSchedulePrices).values([
          {
            feeScheduleId: fallback!.id,
            specialty: "neurology ",
            appointmentType: "telehealth",
            amountMinor: 400_00,
          },
          {
            feeScheduleId: fallback!.id,
            specialty: "Psychiatry",
            appointmentType: "telehealth",
            amountMinor: 500_00,
          },
        ]);
        for (const bookingId of [bookingIds.aTeam2, bookingIds.bTeam1]) {
          await generateReport(actors.specialistS1, bookingId, id("specialistS1"), tx);
        }
        const charged = async (bookingId: string) =>
          tx.select().from(charges).where(eq(charges.bookingId, bookingId));
        expect(await charged(bookingIds.aTeam2)).toMatchObject([
          { amountMinor: 45_000, taxRateBasisPoints: 1300 },
        ]);
        // The default's "neurology " is the specialist's "Neurology": specialties match without case.
        expect(await charged(bookingIds.bTeam1)).toMatchObject([
          {
            amountMinor: 40_000,
            taxRateBasisPoints: 500,
            organizationId: id("B"),
            feeScheduleId: fallback!.id,
          },
        ]);
        // A's schedule lacks Psychiatry: the default's CAD price fills in, but not once A bills in USD.
        expect((await feeScheduleInEffect(tx, id("A"))).priceOf("Psychiatry", "telehealth")).toMatchObject({
          amountMinor: 500_00,
          feeScheduleId: fallback!.id,
        });
        await tx
          .update(feeSchedules)
          .set({ currency: "USD" })
          .where(eq(feeSchedules.organizationId, id("A")));
        expect((await feeScheduleInEffect(tx, id("A"))).priceOf("Psychiatry", "telehealth")).toBeNull();
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect(await getDb().select().from(feeSchedules).where(isNull(feeSchedules.organizationId))).toEqual([]);
  });
});

describe("an examination the schedule has no price for", () => {
  it("is not charged; the admins get an attention event", async () => {
    const { actors, bookingIds, id } = await worldWithBooking("scheduled", -2);
    // Organization A prices only Neurology; aTeam1's specialist S2 is Psychiatry.
    const saved = await defineAction(
      saveFeeScheduleDefinition,
      as(actors.platformAdmin),
    )({ ...A_SCHEDULE, currency: "USD", organizationId: id("A") });
    expect(saved.ok).toBe(true);
    const bookingId = bookingIds.aTeam1;
    await getDb()
      .update(bookings)
      .set({
        appointmentDate: new Date(Date.now() - 2 * HOUR),
        createdAt: new Date(Date.now() - 60 * 24 * HOUR),
      })
      .where(eq(bookings.id, bookingId));
    await generateReport(actors.platformAdmin, bookingId, id("platformAdmin"));
    expect(await chargesOf(bookingId)).toEqual([]);
    const attention = await getDb()
      .select({ facts: notificationEvents.facts })
      .from(notificationEvents)
      .where(
        and(eq(notificationEvents.bookingId, bookingId), eq(notificationEvents.kind, "attention.needed")),
      );
    expect(attention).toHaveLength(1);
    expect(JSON.stringify(attention[0]!.facts)).toContain("no price for Psychiatry (telehealth)");
    expect(JSON.stringify(attention[0]!.facts)).not.toContain("Examinee");
  });
});

describe("a cancellation that arrives from Acuity", () => {
  it("charges a late one once, however often the webhook is delivered", async () => {
    const { bookingId } = await worldWithBooking("scheduled", 10);
    const calendarId = 8_000_000 + randomInt(1_000_000);
    const appointmentId = 9_000_000 + randomInt(1_000_000_000);
    const [booking] = await getDb().select().from(bookings).where(eq(bookings.id, bookingId));
    await getDb()
      .update(specialists)
      .set({ acuityCalendarId: String(calendarId) })
      .where(eq(specialists.id, booking!.specialistId));
    await getDb()
      .update(bookings)
      .set({ acuityAppointmentId: String(appointmentId) })
      .where(eq(bookings.id, bookingId));
    const appointment = {
      id: appointmentId,
      datetime: booking!.appointmentDate
        .toISOString()
        .replace("Z", "+00:00")
        .replace(/\.\d{3}/, ""),
      duration: "60",
      calendarID: calendarId,
      appointmentTypeID: acuityAppointmentTypeId("telehealth"),
      firstName: "Examinee",
      lastName: "aTeam2",
      email: "",
      phone: booking!.examineePhone,
      timezone: "UTC",
      calendarTimezone: "UTC",
      canceled: true,
      noShow: false,
      location: "",
      notes: "",
      forms: [],
      scheduledBy: null,
      datetimeCreated: booking!.createdAt!.toISOString(),
      calendar: "S1",
      type: "Telehealth",
    } as unknown as AcuityAppointment;
    const systemUserId = await getSystemUserId(getDb());
    for (let delivery = 0; delivery < 3; delivery++) {
      await getDb().transaction((tx) =>
        applyAcuityAppointment(tx, appointment, {
          systemUserId,
          readStartedAt: new Date(),
          eventIds: [],
          trigger: "webhook",
        }),
      );
    }
    const [row] = await getDb().select().from(bookings).where(eq(bookings.id, bookingId));
    expect(row!.currentProgress).toBe("cancelled");
    const made = await chargesOf(bookingId);
    expect(made).toMatchObject([{ kind: "late_cancellation", amountMinor: 15_000 }]);
    expect(made[0]!.description).toContain("cancelled in Acuity");
  });
});

describe("waiving and seeing charges", () => {
  it("waives with a reason (audited) and refuses without one", async () => {
    const { actors, bookingId } = await worldWithBooking("scheduled", -1);
    await move(actors.specialistS1, bookingId, "scheduled", "no_show");
    const [charge] = await chargesOf(bookingId);
    const waive = defineAction(waiveChargeDefinition, as(actors.platformAdmin));

    const refused = await waive({ chargeId: charge!.id, reason: "   " });
    expect(refused).toMatchObject({ ok: false, code: "invalid_input" });
    if (!refused.ok) expect(refused.fieldErrors.reason?.[0]).toMatch(/Say why/);
    expect((await chargesOf(bookingId))[0]!.waivedAt).toBeNull();

    const waived = await waive({ chargeId: charge!.id, reason: "Examinee was in hospital" });
    expect(waived.ok).toBe(true);
    const [after] = await chargesOf(bookingId);
    expect(after).toMatchObject({
      waiveReason: "Examinee was in hospital",
      waivedById: actors.platformAdmin.userId,
    });
    expect(after!.waivedAt).toBeInstanceOf(Date);
    const audit = (await auditRowsFor("charge", charge!.id)).find((r) => r.action === "charge.waived");
    expect(audit?.metadata).toMatchObject({ reason: "Examinee was in hospital", amountMinor: 20_000 });

    expect(await waive({ chargeId: charge!.id, reason: "again" })).toMatchObject({
      ok: false,
      code: "stale",
    });
  });

  it("an organization owner may not waive (not found, like an unknown charge)", async () => {
    const { actors, bookingId } = await worldWithBooking("scheduled", -1);
    await move(actors.specialistS1, bookingId, "scheduled", "no_show");
    const [charge] = await chargesOf(bookingId);
    expect(
      await defineAction(
        waiveChargeDefinition,
        as(actors.ownerA),
      )({ chargeId: charge!.id, reason: "Please" }),
    ).toMatchObject({ ok: false, code: "not_found" });
    expect(
      await defineAction(
        waiveChargeDefinition,
        as(actors.platformAdmin),
      )({ chargeId: "no-such-charge", reason: "x" }),
    ).toMatchObject({ ok: false, code: "not_found" });
  });

  it("refuses to waive a charge already on an issued invoice (void it first)", async () => {
    const { actors, bookingId, id } = await worldWithBooking("scheduled", -1);
    await move(actors.specialistS1, bookingId, "scheduled", "no_show");
    const [charge] = await chargesOf(bookingId);
    const [invoice] = await getDb()
      .insert(invoices)
      .values({
        organizationId: id("A"),
        state: "issued",
        number: `TEST-${randomInt(1e9)}`,
        bookingId,
        currency: "CAD",
        issuedAt: new Date(),
        pdfKey: "invoices/test.pdf",
        createdById: actors.platformAdmin.userId,
      })
      .returning({ id: invoices.id });
    await getDb().insert(invoiceLines).values({
      invoiceId: invoice!.id,
      chargeId: charge!.id,
      bookingId,
      kind: charge!.kind,
      description: charge!.description,
      occurredAt: charge!.occurredAt,
      amountMinor: charge!.amountMinor,
      taxRateBasisPoints: charge!.taxRateBasisPoints,
      taxMinor: 0,
    });
    const refused = await defineAction(
      waiveChargeDefinition,
      as(actors.platformAdmin),
    )({
      chargeId: charge!.id,
      reason: "Too late",
    });
    expect(refused).toMatchObject({ ok: false, code: "stale" });
    if (!refused.ok) expect(refused.error).toMatch(/issued invoice; void that invoice first/);
    expect((await chargesOf(bookingId))[0]!.waivedAt).toBeNull();
  });

  it("shows a booking's charges to the organization's owners and admins and platform admins, never to members or specialists", async () => {
    const { actors, bookingId, id } = await worldWithBooking("scheduled", -1);
    await move(actors.specialistS1, bookingId, "scheduled", "no_show");
    const booking = { id: bookingId, organizationId: id("A") };
    for (const actor of [actors.ownerA, actors.adminA, actors.platformAdmin]) {
      expect(await listBookingCharges(getDb(), actor, booking)).toMatchObject([{ kind: "no_show" }]);
    }
    for (const actor of [actors.memberA1, actors.specialistS1, actors.memberB1]) {
      expect(await listBookingCharges(getDb(), actor, booking)).toBeNull();
    }
  });
});

describe("fee schedule form validation", () => {
  it("says what to type next to each wrong field and saves nothing", async () => {
    const { actors, id } = await worldWithBooking("scheduled", 10);
    const result = await defineAction(
      saveFeeScheduleDefinition,
      as(actors.platformAdmin),
    )({
      ...A_SCHEDULE,
      organizationId: id("B"),
      noShowFee: "2OO",
      price_0_telehealth: "450.005",
      lateCancellationWindowHours: "two days",
    });
    expect(result).toMatchObject({ ok: false, code: "invalid_input" });
    if (result.ok) return;
    expect(result.fieldErrors.noShowFee).toEqual(["Enter an amount like 450.00"]);
    expect(result.fieldErrors.price_0_telehealth).toEqual(["Enter an amount like 450.00"]);
    expect(result.fieldErrors.lateCancellationWindowHours?.[0]).toMatch(/whole hours/);
    expect(
      await getDb()
        .select()
        .from(feeSchedules)
        .where(eq(feeSchedules.organizationId, id("B"))),
    ).toEqual([]);
  });

  it("members cannot manage fee schedules", async () => {
    const { actors, id } = await worldWithBooking("scheduled", 10);
    expect(
      await defineAction(
        saveFeeScheduleDefinition,
        as(actors.ownerA),
      )({ ...A_SCHEDULE, organizationId: id("A") }),
    ).toMatchObject({ ok: false, code: "not_found" });
  });
});
