import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getAcuityClient } from "@/lib/acuity/get-client";
import { sameAcuityInstant } from "@/lib/acuity/datetime";
import {
  AcuityAuthError,
  AcuityNotFoundError,
  AcuitySlotUnavailableError,
  AcuityValidationError,
} from "@/lib/acuity/errors";
import type { AcuityEmulator } from "@/services/acuity-emulator/server";
import {
  API_KEY,
  BRENNAN,
  HART,
  IN_PERSON,
  TELEHEALTH,
  bookingFor,
  clientFor,
  startTestEmulator,
  USER_ID,
} from "./acuity-test-support";

let emulator: AcuityEmulator;
let acuity: ReturnType<typeof clientFor>;

beforeAll(async () => {
  emulator = await startTestEmulator();
  acuity = clientFor(emulator);
});
afterAll(() => emulator.stop());
beforeEach(() => emulator.reset());

const DEC_1_9AM = "2026-12-01T09:00:00-0500";

describe("catalog", () => {
  it("lists the demo calendars with their zones and addresses", async () => {
    const calendars = await acuity.listCalendars();
    const hart = calendars.find((c) => c.id === HART);
    expect(hart).toMatchObject({
      name: "Dr. Amelia Hart",
      timezone: "America/New_York",
      location: "120 Park Ave, New York, NY",
    });
    expect(calendars.find((c) => c.id === BRENNAN)?.location).toBe("");
  });

  it("offers in-person exams only where there is an address", async () => {
    const types = await acuity.listAppointmentTypes();
    const inPerson = types.find((t) => t.id === IN_PERSON)!;
    const telehealth = types.find((t) => t.id === TELEHEALTH)!;
    expect(inPerson.price).toBe("450.00");
    expect(inPerson.calendarIDs).toContain(HART);
    expect(inPerson.calendarIDs).not.toContain(BRENNAN);
    expect(telehealth.calendarIDs).toContain(BRENNAN);
  });
});

describe("availability", () => {
  it("lists working-hour slots with the calendar's offset, weekdays only", async () => {
    const times = await acuity.getAvailableTimes({
      date: "2026-12-01",
      appointmentTypeID: IN_PERSON,
      calendarID: HART,
    });
    expect(times.map((t) => t.time)).toEqual(
      [9, 10, 11, 12, 13, 14, 15, 16].map((h) => `2026-12-01T${String(h).padStart(2, "0")}:00:00-0500`),
    );
    const dates = await acuity.getAvailableDates({
      month: "2026-12",
      appointmentTypeID: IN_PERSON,
      calendarID: HART,
    });
    expect(dates.map((d) => d.date)).toContain("2026-12-01");
    expect(dates.map((d) => d.date)).not.toContain("2026-12-05"); // Saturday
  });

  it("writes times in the requested zone", async () => {
    const times = await acuity.getAvailableTimes({
      date: "2026-12-01",
      appointmentTypeID: IN_PERSON,
      calendarID: HART,
      timezone: "America/Los_Angeles",
    });
    expect(times[0]!.time).toBe("2026-12-01T06:00:00-0800");
  });

  it("drops a booked slot and brings it back after cancellation", async () => {
    const query = { date: "2026-12-01", appointmentTypeID: IN_PERSON, calendarID: HART };
    const booked = await acuity.createAppointment(bookingFor(DEC_1_9AM));
    const afterBooking = await acuity.getAvailableTimes(query);
    expect(afterBooking.some((t) => sameAcuityInstant(t.time, DEC_1_9AM))).toBe(false);
    expect(
      (await acuity.checkTime({ datetime: DEC_1_9AM, appointmentTypeID: IN_PERSON, calendarID: HART })).valid,
    ).toBe(false);

    await acuity.cancelAppointment(booked.id, { cancelNote: "Claimant withdrew" });
    const afterCancel = await acuity.getAvailableTimes(query);
    expect(afterCancel.some((t) => sameAcuityInstant(t.time, DEC_1_9AM))).toBe(true);
    expect(
      (await acuity.checkTime({ datetime: DEC_1_9AM, appointmentTypeID: IN_PERSON, calendarID: HART })).valid,
    ).toBe(true);
  });

  it("offers nothing that starts within the next hour", async () => {
    // NOW is Monday 2026-11-23 12:00Z = 07:00 in New York and 05:00 in Phoenix (07:00–13:00).
    const phoenix = await acuity.getAvailableTimes({
      date: "2026-11-23",
      appointmentTypeID: IN_PERSON,
      calendarID: 7105,
    });
    expect(phoenix.map((t) => t.time)[0]).toBe("2026-11-23T07:00:00-0700");
    const later = await startTestEmulator({ now: () => new Date("2026-11-23T14:30:00Z") }); // 07:30 in Phoenix
    try {
      const times = await clientFor(later).getAvailableTimes({
        date: "2026-11-23",
        appointmentTypeID: IN_PERSON,
        calendarID: 7105,
      });
      expect(times.map((t) => t.time)[0]).toBe("2026-11-23T09:00:00-0700");
    } finally {
      await later.stop();
    }
  });
});

describe("appointments", () => {
  it("creates an appointment and reads it back with Acuity's fields", async () => {
    const created = await acuity.createAppointment(
      bookingFor("2026-12-01T10:00:00-05:00", { fields: [{ id: 11, value: "CLM-4471" }] }),
    );
    const fetched = await acuity.getAppointment(created.id);
    expect(fetched).toMatchObject({
      id: created.id,
      datetime: "2026-12-01T10:00:00-0500",
      duration: "60",
      calendarID: HART,
      calendarTimezone: "America/New_York",
      timezone: "America/New_York",
      canceled: false,
      location: "120 Park Ave, New York, NY",
      notes: "Claim 4471",
      scheduledBy: null,
      calendar: "Dr. Amelia Hart",
    });
    expect(created.id).toBeGreaterThanOrEqual(900001);
    expect(JSON.stringify(fetched.forms)).toContain("CLM-4471");
  });

  it("refuses a slot that is already taken", async () => {
    await acuity.createAppointment(bookingFor(DEC_1_9AM));
    const second = acuity.createAppointment(bookingFor(DEC_1_9AM, { email: "other@example.test" }));
    await expect(second).rejects.toBeInstanceOf(AcuitySlotUnavailableError);
    await expect(second).rejects.toMatchObject({ status: 400, code: "not_available" });
  });

  it("lets an admin overbook", async () => {
    await acuity.createAppointment(bookingFor(DEC_1_9AM));
    const admin = await acuity.createAppointment(bookingFor(DEC_1_9AM), { admin: true });
    expect(admin.datetime).toBe(DEC_1_9AM);
  });

  it("puts a meeting link in location for telehealth", async () => {
    const created = await acuity.createAppointment(
      bookingFor("2026-12-01T10:00:00-0500", { appointmentTypeID: TELEHEALTH, calendarID: BRENNAN }),
    );
    expect(created.location).toBe(`https://meet.example.test/ime-${created.id}`);
  });

  it("rejects an in-person exam on a telehealth-only calendar and missing names", async () => {
    await expect(
      acuity.createAppointment(bookingFor(DEC_1_9AM, { calendarID: BRENNAN })),
    ).rejects.toBeInstanceOf(AcuityValidationError);
    await expect(acuity.createAppointment(bookingFor(DEC_1_9AM, { firstName: "" }))).rejects.toMatchObject({
      code: "required_first_name",
    });
  });

  it("reschedules, updates contact details, and keeps cancelled ones readable", async () => {
    const created = await acuity.createAppointment(bookingFor(DEC_1_9AM));
    const moved = await acuity.rescheduleAppointment(created.id, { datetime: "2026-12-02T14:00:00-0500" });
    expect(moved.datetime).toBe("2026-12-02T14:00:00-0500");
    const updated = await acuity.updateAppointment(created.id, {
      phone: "+12125550199",
      notes: "Interpreter needed",
    });
    expect(updated).toMatchObject({
      phone: "+12125550199",
      notes: "Interpreter needed",
      datetime: moved.datetime,
    });

    await acuity.cancelAppointment(created.id);
    const cancelled = await acuity.getAppointment(created.id);
    expect(cancelled.canceled).toBe(true);
    expect((await acuity.listAppointments({ calendarID: HART })).map((a) => a.id)).not.toContain(created.id);
    expect((await acuity.listAppointments({ calendarID: HART, canceled: true })).map((a) => a.id)).toContain(
      created.id,
    );
  });

  it("marks a no-show", async () => {
    const created = await acuity.createAppointment(bookingFor(DEC_1_9AM));
    const marked = await acuity.cancelAppointment(created.id, { noShow: true });
    expect(marked).toMatchObject({ noShow: true, canceled: true });
  });

  it("lists by date range and direction", async () => {
    const first = await acuity.createAppointment(bookingFor(DEC_1_9AM));
    const second = await acuity.createAppointment(bookingFor("2026-12-03T09:00:00-0500"));
    await acuity.createAppointment(bookingFor("2026-12-10T09:00:00-0500"));
    const listed = await acuity.listAppointments({
      calendarID: HART,
      minDate: "2026-12-01",
      maxDate: "2026-12-03",
      direction: "ASC",
    });
    expect(listed.map((a) => a.id)).toEqual([first.id, second.id]);
  });

  it("answers an unknown appointment with AcuityNotFoundError", async () => {
    await expect(acuity.getAppointment(123)).rejects.toBeInstanceOf(AcuityNotFoundError);
    await expect(acuity.cancelAppointment(123)).rejects.toBeInstanceOf(AcuityNotFoundError);
  });

  it("refuses bad credentials with AcuityAuthError", async () => {
    const intruder = clientFor(emulator, { apiKey: "wrong-key" });
    const attempt = intruder.listCalendars();
    await expect(attempt).rejects.toBeInstanceOf(AcuityAuthError);
    await expect(attempt).rejects.toMatchObject({ status: 401 });
  });

  it("builds the app's client from the environment when first used", async () => {
    const keys = ["ACUITY_USER_ID", "ACUITY_API_KEY", "ACUITY_BASE_URL"] as const;
    const saved = keys.map((key) => process.env[key]);
    try {
      Object.assign(process.env, {
        ACUITY_USER_ID: USER_ID,
        ACUITY_API_KEY: API_KEY,
        ACUITY_BASE_URL: emulator.url,
      });
      const calendars = await getAcuityClient().listCalendars();
      expect(calendars.length).toBeGreaterThan(0);
    } finally {
      // Other files may run in this process; leave the environment as it was.
      keys.forEach((key, i) =>
        saved[i] === undefined ? delete process.env[key] : (process.env[key] = saved[i]),
      );
    }
  });
});
