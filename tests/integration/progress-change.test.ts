/**
 * The progress writer against real Postgres and the Acuity emulator over HTTP: row lock and
 * conflict, requirements checked on the locked row, corrections and impersonation recorded,
 * Acuity told of cancel and no-show, and nothing written when Acuity refuses.
 */
import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookingProgress, bookings, documents } from "@/db/schema";
import type { ProgressStage } from "@/db/schema/enums";
import { defineAction } from "@/lib/actions/define-action";
import { ConflictError } from "@/lib/actions/errors";
import { auditContextFor, type RequestActor } from "@/lib/actions/request-actor";
import type { Actor } from "@/lib/authz/actor";
import { BOOKING_CHANGED_MESSAGE, changeProgress, type ProgressSideEffect } from "@/lib/bookings/progress";
import { acuityProgressSideEffect } from "@/lib/bookings/progress/acuity-side-effect";
import {
  changeProgressDefinition,
  correctProgressDefinition,
} from "@/lib/bookings/progress/progress-action-definitions";
import type { AcuityEmulator } from "@/services/acuity-emulator/server";
import { buildActors } from "../support/authz-fixture";
import { auditRowsFor } from "../support/audit-rows";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { waitForLockWaiter } from "../support/lock-waiter";
import { clientFor, HART, IN_PERSON, startTestEmulator } from "./acuity-test-support";

const HOUR = 3_600_000;
const who = (actor: Actor) => ({
  actor,
  auditContext: auditContextFor(actor, { ipAddress: "203.0.113.9", userAgent: "vitest" }),
});
const as = (actor: Actor) => async (): Promise<RequestActor> => who(actor);
const noSideEffect: ProgressSideEffect = async () => {
  throw new Error("no side effect expected");
};

let emulator: AcuityEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(async () => {
  await emulator.stop();
});

/**
 * A fresh fixture world whose booking aTeam2 (organization A, specialist S1) is at `stage`,
 * its appointment `hoursFromNow` away, and linked to a new appointment in the emulator.
 */
async function worldWithBooking(stage: ProgressStage, hoursFromNow: number) {
  const world = await insertAuthzWorld();
  const actors = buildActors(world.id);
  const bookingId = world.bookingIds.aTeam2;
  const appointmentDate = new Date(Date.now() + hoursFromNow * HOUR);
  const made = emulator.createAppointmentDirectly({
    calendarID: HART,
    appointmentTypeID: IN_PERSON,
    datetime: "2026-11-24T10:00:00-05:00",
    firstName: "Jordan",
    lastName: "Claimant",
    email: "jordan@example.test",
    phone: "+12125550100",
  });
  // The emulator numbers appointments itself; link the booking to the one it just made.
  await getDb()
    .update(bookings)
    // created_at moves back too: the seed's CHECK wants the appointment after the booking was made.
    .set({
      currentProgress: stage,
      appointmentDate,
      acuityAppointmentId: String(made.id),
      createdAt: new Date(Date.now() - 60 * 24 * HOUR),
    })
    .where(eq(bookings.id, bookingId));
  return { ...world, actors, bookingId, appointmentId: made.id };
}

const stageOf = async (bookingId: string) =>
  (await getDb().select({ p: bookings.currentProgress }).from(bookings).where(eq(bookings.id, bookingId)))[0]!
    .p;
const progressRows = (bookingId: string) =>
  getDb().select().from(bookingProgress).where(eq(bookingProgress.bookingId, bookingId));
const progressAuditRows = async (bookingId: string) =>
  (await auditRowsFor("booking", bookingId)).filter((row) => row.action === "booking.progress_changed");

async function addReport(bookingId: string, uploadedById: string) {
  await getDb()
    .insert(documents)
    .values({
      bookingId,
      uploadedById,
      s3Key: `test/${bookingId}/${randomInt(1e9)}.pdf`,
      fileName: "report.pdf",
      fileSize: 1234,
      mimeType: "application/pdf",
      category: "report",
    });
}

describe("two people changing one booking at once", () => {
  it("lets the first win; the second waits on the row lock, then gets a conflict — one progress row", async () => {
    const { actors, bookingId, id } = await worldWithBooking("scheduled", -2);
    let releaseFirst!: () => void;
    const firstHoldsLock = new Promise<void>((resolve) => (releaseFirst = resolve));
    let firstHasLock!: () => void;
    const lockTaken = new Promise<void>((resolve) => (firstHasLock = resolve));

    // The first (an Acuity-touching no-show) pauses inside its transaction, holding the lock.
    const first = getDb().transaction((tx) =>
      changeProgress(
        tx,
        who(actors.specialistS1),
        { bookingId, expectedFrom: "scheduled", to: "no_show" },
        async () => {
          firstHasLock();
          await firstHoldsLock;
        },
      ),
    );
    await lockTaken;
    const second = getDb().transaction((tx) =>
      changeProgress(
        tx,
        who(actors.platformAdmin),
        { bookingId, expectedFrom: "scheduled", to: "generating_report" },
        noSideEffect,
      ),
    );
    await waitForLockWaiter();
    releaseFirst();

    const [a, b] = await Promise.allSettled([first, second]);
    expect(a).toMatchObject({ status: "fulfilled", value: { progress: "no_show" } });
    expect(b.status).toBe("rejected");
    const error = (b as PromiseRejectedResult).reason;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(BOOKING_CHANGED_MESSAGE);
    expect(await stageOf(bookingId)).toBe("no_show");
    expect(await progressRows(bookingId)).toMatchObject([
      { progress: "no_show", changedById: id("specialistS1") },
    ]);
    expect(await progressAuditRows(bookingId)).toHaveLength(1);
  });

  it("gives exactly one success when both start together through the action", async () => {
    const { actors, bookingId } = await worldWithBooking("scheduled", -1);
    const move = (actor: Actor) =>
      defineAction(
        changeProgressDefinition(() => noSideEffect),
        as(actor),
      )({ bookingId, expectedFrom: "scheduled", to: "generating_report" });
    const results = await Promise.all([move(actors.specialistS1), move(actors.platformAdmin)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, code: "stale", error: BOOKING_CHANGED_MESSAGE, fieldErrors: {} },
    ]);
    expect(await progressRows(bookingId)).toHaveLength(1);
  });
});

describe("what a move requires, checked on the stored booking", () => {
  it("refuses report_generated without a report document, then allows it once one is uploaded", async () => {
    const { actors, bookingId, id } = await worldWithBooking("generating_report", -24);
    const move = () =>
      defineAction(
        changeProgressDefinition(() => noSideEffect),
        as(actors.specialistS1),
      )({
        bookingId,
        expectedFrom: "generating_report",
        to: "report_generated",
      });
    expect(await move()).toMatchObject({
      ok: false,
      code: "conflict",
      error: expect.stringMatching(/report document is required/),
    });
    expect(await progressRows(bookingId)).toHaveLength(0);
    await addReport(bookingId, id("specialistS1"));
    expect(await move()).toMatchObject({ ok: true, data: { progress: "report_generated" } });
  });

  it("refuses a no-show before the appointment time and tells Acuity nothing", async () => {
    const { actors, bookingId, appointmentId } = await worldWithBooking("scheduled", 3);
    const result = await defineAction(
      changeProgressDefinition(() => acuityProgressSideEffect(clientFor(emulator))),
      as(actors.specialistS1),
    )({ bookingId, expectedFrom: "scheduled", to: "no_show" });
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/only once the examination time has passed/),
    });
    expect(await stageOf(bookingId)).toBe("scheduled");
    expect(emulator.state.get(appointmentId)).toMatchObject({ canceled: false, noShow: false });
  });

  it("answers a booking the actor cannot see as not found, and a referrer's no-show as refused", async () => {
    const { actors, bookingId } = await worldWithBooking("scheduled", -2);
    const move = (actor: Actor) =>
      defineAction(
        changeProgressDefinition(() => noSideEffect),
        as(actor),
      )({ bookingId, expectedFrom: "scheduled", to: "no_show" });
    expect(await move(actors.memberB1)).toMatchObject({
      ok: false,
      code: "not_found",
      error: "That booking was not found.",
    });
    expect(await move(actors.outsider)).toMatchObject({ ok: false, code: "not_found", error: "Not found." });
    expect(await move(actors.ownerA)).toMatchObject({
      ok: false,
      code: "forbidden",
      error: "You cannot move this booking to that stage.",
    });
    expect(await progressRows(bookingId)).toHaveLength(0);
  });
});

describe("corrections and attribution", () => {
  it("records an admin correction as such: note on the progress row, correction:true on the audit row", async () => {
    const { actors, bookingId, id, appointmentId } = await worldWithBooking("no_show", -30);
    const result = await defineAction(
      correctProgressDefinition(),
      as(actors.platformAdmin),
    )({
      bookingId,
      expectedFrom: "no_show",
      to: "generating_report",
      note: "Examinee arrived late; the examination took place",
    });
    expect(result).toMatchObject({ ok: true, data: { progress: "generating_report" } });
    expect(await progressRows(bookingId)).toMatchObject([
      {
        progress: "generating_report",
        changedById: id("platformAdmin"),
        changedForId: null,
        notes: "Correction: Examinee arrived late; the examination took place",
      },
    ]);
    expect(await progressAuditRows(bookingId)).toMatchObject([
      {
        userId: id("platformAdmin"),
        metadata: { from: "no_show", to: "generating_report", correction: true },
      },
    ]);
    // A correction fixes the portal's record only; the appointment in Acuity is untouched.
    expect(emulator.state.get(appointmentId)).toMatchObject({ canceled: false });
  });

  it("refuses a correction without a note, and to anyone but an admin", async () => {
    const { actors, bookingId } = await worldWithBooking("no_show", -30);
    const correct = (actor: Actor, note: string) =>
      defineAction(
        correctProgressDefinition(),
        as(actor),
      )({ bookingId, expectedFrom: "no_show", to: "generating_report", note });
    expect(await correct(actors.platformAdmin, "  ")).toMatchObject({
      ok: false,
      fieldErrors: { note: [expect.any(String)] },
    });
    expect(await correct(actors.specialistS1, "I was wrong")).toMatchObject({
      ok: false,
      error: "Not found.",
    });
    expect(await stageOf(bookingId)).toBe("no_show");
  });

  it("records both people when an admin acts while impersonating the specialist", async () => {
    const { actors, bookingId, id } = await worldWithBooking("scheduled", -2);
    const impersonated = { ...actors.specialistS1, impersonatorId: id("platformAdmin") };
    const result = await defineAction(
      changeProgressDefinition(() => noSideEffect),
      as(impersonated),
    )({
      bookingId,
      expectedFrom: "scheduled",
      to: "generating_report",
    });
    expect(result.ok).toBe(true);
    expect(await progressRows(bookingId)).toMatchObject([
      { changedById: id("platformAdmin"), changedForId: id("specialistS1"), notes: null },
    ]);
    expect(await progressAuditRows(bookingId)).toMatchObject([
      {
        userId: id("platformAdmin"),
        impersonatedUserId: id("specialistS1"),
        metadata: { correction: false },
      },
    ]);
  });
});

describe("telling Acuity", () => {
  it("cancels the appointment in Acuity, with the note as the cancel note, when a referrer cancels", async () => {
    const { actors, bookingId, appointmentId } = await worldWithBooking("scheduled", 48);
    const result = await defineAction(
      changeProgressDefinition(() => acuityProgressSideEffect(clientFor(emulator))),
      as(actors.ownerA),
    )({ bookingId, expectedFrom: "scheduled", to: "cancelled", note: "Claim settled" });
    expect(result).toMatchObject({ ok: true, data: { progress: "cancelled" } });
    expect(emulator.state.get(appointmentId)).toMatchObject({
      canceled: true,
      noShow: false,
      cancelNote: "Claim settled",
    });
    expect(await progressRows(bookingId)).toMatchObject([{ progress: "cancelled", notes: "Claim settled" }]);
  });

  it("marks the appointment a no-show in Acuity when the specialist marks one", async () => {
    const { actors, bookingId, appointmentId } = await worldWithBooking("rescheduled", -1);
    const result = await defineAction(
      changeProgressDefinition(() => acuityProgressSideEffect(clientFor(emulator))),
      as(actors.specialistS1),
    )({ bookingId, expectedFrom: "rescheduled", to: "no_show" });
    expect(result).toMatchObject({ ok: true });
    expect(emulator.state.get(appointmentId)).toMatchObject({ canceled: true, noShow: true });
    expect(await stageOf(bookingId)).toBe("no_show");
  });

  it("writes nothing when Acuity refuses, and says so", async () => {
    const { actors, bookingId, appointmentId } = await worldWithBooking("scheduled", -1);
    emulator.failNextRequests(1, 500);
    const result = await defineAction(
      changeProgressDefinition(() => acuityProgressSideEffect(clientFor(emulator))),
      as(actors.specialistS1),
    )({ bookingId, expectedFrom: "scheduled", to: "no_show" });
    expect(result).toMatchObject({
      ok: false,
      code: "upstream_unavailable",
      error: expect.stringMatching(/scheduling service.*Nothing was changed/),
    });
    expect(await stageOf(bookingId)).toBe("scheduled");
    expect(await progressRows(bookingId)).toHaveLength(0);
    expect(await progressAuditRows(bookingId)).toHaveLength(0);
    expect(emulator.state.get(appointmentId)).toMatchObject({ canceled: false, noShow: false });
  });

  it("refuses a reschedule through the progress action: it needs a new time", async () => {
    const { actors, bookingId } = await worldWithBooking("scheduled", 48);
    const result = await defineAction(
      changeProgressDefinition(() => acuityProgressSideEffect(clientFor(emulator))),
      as(actors.ownerA),
    )({ bookingId, expectedFrom: "scheduled", to: "rescheduled" });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/use Reschedule/) });
    expect(await progressRows(bookingId)).toHaveLength(0);
  });
});
