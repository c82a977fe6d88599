import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookingProgress, bookings } from "@/db/schema";
import { defineAction } from "@/lib/actions/define-action";
import { auditContextFor } from "@/lib/actions/request-actor";
import {
  cancelBookingDefinition,
  createBookingDefinition,
  rescheduleBookingDefinition,
} from "@/lib/bookings/booking-actions";
import { loadProgressView } from "@/lib/bookings/progress/load-progress-view";
import { rescheduleBooking } from "@/lib/bookings/reschedule-booking";
import { auditRowsFor } from "../support/audit-rows";
import {
  as,
  freeSlots,
  startBookingWorld,
  type BookingWorld,
  telehealthBookingForm,
} from "./booking-test-world";

let world: BookingWorld;
beforeAll(async () => {
  world = await startBookingWorld();
});
afterAll(() => world.stop());

async function bookTelehealth(datetime: string) {
  const result = await defineAction(
    createBookingDefinition,
    as(world.actors.memberA1),
  )(
    telehealthBookingForm(world, datetime, {
      examineeName: "Robin Examinee",
      examineePhone: "+1 415 555 2671",
    }),
  );
  if (!result.ok) throw new Error(result.error);
  return result.data.bookingId;
}

const bookingRow = async (id: string) =>
  (await getDb().select().from(bookings).where(eq(bookings.id, id)))[0]!;
const appointmentOf = async (id: string) => {
  const row = await bookingRow(id);
  return world.emulator.listAllAppointments().find((a) => String(a.id) === row.acuityAppointmentId)!;
};
const stagesOf = async (id: string) =>
  (
    await getDb()
      .select()
      .from(bookingProgress)
      .where(eq(bookingProgress.bookingId, id))
      .orderBy(bookingProgress.createdAt)
  ).map((p) => p.progress);

describe("rescheduling", () => {
  it("moves the appointment in Acuity and the booking, with a rescheduled row and audit", async () => {
    const [first, later] = await freeSlots(world, world.telehealthSpecialist, 2);
    const bookingId = await bookTelehealth(first!.datetime);
    const result = await defineAction(
      rescheduleBookingDefinition,
      as(world.actors.memberA1),
    )({
      bookingId,
      expectedProgress: "scheduled",
      expectedAppointmentDate: first!.startsAt,
      datetime: later!.datetime,
      note: "Examinee asked for later",
    });
    expect(result.ok).toBe(true);
    const row = await bookingRow(bookingId);
    expect(row.appointmentDate).toEqual(new Date(later!.startsAt));
    expect(row.currentProgress).toBe("rescheduled");
    expect(
      new Date((await appointmentOf(bookingId)).datetime.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")),
    ).toEqual(new Date(later!.startsAt));
    expect(await stagesOf(bookingId)).toEqual(["scheduled", "rescheduled"]);
    const actions = (await auditRowsFor("booking", bookingId)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["booking.created", "booking.progress_changed", "booking.rescheduled"]),
    );
  });

  it("shows every move in the booking's history with the old and the new time, a second one too", async () => {
    const [first, second, third] = await freeSlots(world, world.telehealthSpecialist, 3);
    const bookingId = await bookTelehealth(first!.datetime);
    const reschedule = defineAction(rescheduleBookingDefinition, as(world.actors.memberA1));
    expect(
      (
        await reschedule({
          bookingId,
          expectedProgress: "scheduled",
          expectedAppointmentDate: first!.startsAt,
          datetime: second!.datetime,
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await reschedule({
          bookingId,
          expectedProgress: "rescheduled",
          expectedAppointmentDate: second!.startsAt,
          datetime: third!.datetime,
          note: "Interpreter free later",
        })
      ).ok,
    ).toBe(true);

    const { timeline } = await loadProgressView(getDb(), world.actors.memberA1, bookingId);
    expect(
      timeline.map((entry) => ({
        progress: entry.progress,
        from: entry.appointmentFrom,
        to: entry.appointmentTo,
        notes: entry.notes,
      })),
    ).toEqual([
      { progress: "scheduled", from: null, to: null, notes: "Booked in the portal" },
      {
        progress: "rescheduled",
        from: new Date(first!.startsAt),
        to: new Date(second!.startsAt),
        notes: null,
      },
      {
        progress: "rescheduled",
        from: new Date(second!.startsAt),
        to: new Date(third!.startsAt),
        notes: "Interpreter free later",
      },
    ]);
  });

  it("refuses a taken time and changes nothing", async () => {
    const [first, taken] = await freeSlots(world, world.telehealthSpecialist, 2);
    const bookingId = await bookTelehealth(first!.datetime);
    world.emulator.createAppointmentDirectly({
      datetime: taken!.datetime,
      calendarID: 7106,
      appointmentTypeID: 502,
      firstName: "Other",
      lastName: "Person",
      email: "o@example.test",
    });
    const result = await defineAction(
      rescheduleBookingDefinition,
      as(world.actors.memberA1),
    )({
      bookingId,
      expectedProgress: "scheduled",
      expectedAppointmentDate: first!.startsAt,
      datetime: taken!.datetime,
    });
    expect(result).toMatchObject({ ok: false, error: "That time was just taken — pick another." });
    expect((await bookingRow(bookingId)).currentProgress).toBe("scheduled");
    expect(await stagesOf(bookingId)).toEqual(["scheduled"]);
  });

  it("moves the Acuity appointment back when saving fails after Acuity agreed", async () => {
    const [first, later] = await freeSlots(world, world.telehealthSpecialist, 2);
    const bookingId = await bookTelehealth(first!.datetime);
    const who = {
      actor: world.actors.memberA1,
      auditContext: auditContextFor(world.actors.memberA1, {
        ipAddress: "198.51.100.4",
        userAgent: "vitest",
      }),
    };
    const attempt = rescheduleBooking(
      {
        db: getDb(),
        acuity: world.acuity,
        beforeCommit: async () => {
          throw new Error("commit lost");
        },
      },
      who,
      {
        bookingId,
        expectedProgress: "scheduled",
        expectedAppointmentDate: first!.startsAt,
        datetime: later!.datetime,
        note: null,
      },
    );
    await expect(attempt).rejects.toThrow("commit lost");
    const appointment = await appointmentOf(bookingId);
    expect(new Date(appointment.datetime.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"))).toEqual(
      new Date(first!.startsAt),
    );
    expect((await bookingRow(bookingId)).appointmentDate).toEqual(new Date(first!.startsAt));
    expect(await stagesOf(bookingId)).toEqual(["scheduled"]);
  });

  it("lets only the first of two pages showing the same time move it; the second is told to reload", async () => {
    const [first, second, third, fourth] = await freeSlots(world, world.telehealthSpecialist, 4);
    const bookingId = await bookTelehealth(first!.datetime);
    const reschedule = defineAction(rescheduleBookingDefinition, as(world.actors.memberA1));
    expect(
      (
        await reschedule({
          bookingId,
          expectedProgress: "scheduled",
          expectedAppointmentDate: first!.startsAt,
          datetime: second!.datetime,
        })
      ).ok,
    ).toBe(true);
    // Two tabs now show "rescheduled" at the second time; both pick a new one.
    const seen = {
      bookingId,
      expectedProgress: "rescheduled" as const,
      expectedAppointmentDate: second!.startsAt,
    };
    expect((await reschedule({ ...seen, datetime: third!.datetime })).ok).toBe(true);
    const stale = await reschedule({ ...seen, datetime: fourth!.datetime });
    expect(stale).toMatchObject({
      ok: false,
      code: "stale",
      error: expect.stringMatching(/changed while you were looking/),
    });
    expect((await bookingRow(bookingId)).appointmentDate).toEqual(new Date(third!.startsAt));
    expect(
      new Date((await appointmentOf(bookingId)).datetime.replace(/([+-]\d{2})(\d{2})$/, "$1:$2")),
    ).toEqual(new Date(third!.startsAt));
    expect(await stagesOf(bookingId)).toEqual(["scheduled", "rescheduled", "rescheduled"]);
  });

  it("is not offered to the booking's specialist, and is not found for another organization", async () => {
    const [slot, later] = await freeSlots(world, world.telehealthSpecialist, 2);
    const bookingId = await bookTelehealth(slot!.datetime);
    const specialist = { ...world.actors.specialistS1, specialistIds: [world.telehealthSpecialist.id] };
    const bySpecialist = await defineAction(
      rescheduleBookingDefinition,
      as(specialist),
    )({
      bookingId,
      expectedProgress: "scheduled",
      expectedAppointmentDate: slot!.startsAt,
      datetime: later!.datetime,
    });
    expect(bySpecialist).toMatchObject({
      ok: false,
      code: "forbidden",
      error: "You can't reschedule this booking.",
    });
    const byOutsider = await defineAction(
      rescheduleBookingDefinition,
      as(world.actors.memberB1),
    )({
      bookingId,
      expectedProgress: "scheduled",
      expectedAppointmentDate: slot!.startsAt,
      datetime: later!.datetime,
    });
    expect(byOutsider).toMatchObject({ ok: false, error: "That booking was not found." });
    expect((await bookingRow(bookingId)).currentProgress).toBe("scheduled");
  });
});

describe("cancelling", () => {
  it("needs a reason, then cancels in Acuity and records the reason on the cancelled row", async () => {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    const bookingId = await bookTelehealth(slot!.datetime);
    const cancel = defineAction(cancelBookingDefinition, as(world.actors.ownerA));
    const noReason = await cancel({ bookingId, expectedProgress: "scheduled", reason: " " });
    expect(noReason).toMatchObject({
      ok: false,
      fieldErrors: { reason: ["Say why the booking is cancelled"] },
    });
    expect((await appointmentOf(bookingId)).canceled).toBe(false);

    const result = await cancel({ bookingId, expectedProgress: "scheduled", reason: "Claim withdrawn" });
    expect(result.ok).toBe(true);
    expect((await appointmentOf(bookingId)).canceled).toBe(true);
    expect((await bookingRow(bookingId)).currentProgress).toBe("cancelled");
    const rows = await getDb().select().from(bookingProgress).where(eq(bookingProgress.bookingId, bookingId));
    expect(rows.find((r) => r.progress === "cancelled")).toMatchObject({
      notes: "Claim withdrawn",
      changedById: world.id("ownerA"),
    });
    expect((await auditRowsFor("booking", bookingId)).map((a) => a.action)).toContain("booking.cancelled");
  });

  it("answers a stale page (the booking moved meanwhile) with a conflict and leaves Acuity alone", async () => {
    const [slot] = await freeSlots(world, world.telehealthSpecialist, 1);
    const bookingId = await bookTelehealth(slot!.datetime);
    const result = await defineAction(
      cancelBookingDefinition,
      as(world.actors.memberA1),
    )({ bookingId, expectedProgress: "rescheduled", reason: "Old tab" });
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/changed while you were looking/),
    });
    expect((await appointmentOf(bookingId)).canceled).toBe(false);
  });
});
