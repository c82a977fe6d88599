import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { AcuitySlotUnavailableError } from "@/lib/acuity/errors";
import { HART, IN_PERSON, bookingFor, clientFor, startTestEmulator } from "./acuity-test-support";

const dir = mkdtempSync(path.join(tmpdir(), "acuity-emulator-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seed = {
  id: 900005,
  calendarID: HART,
  appointmentTypeID: IN_PERSON,
  datetime: "2026-12-01T09:00:00",
  firstName: "Sam",
  lastName: "Seeded",
  email: "sam.seeded@example.test",
  phone: "",
};

describe("emulator state file", () => {
  it("keeps bookings across a restart and never reuses an id", async () => {
    const stateFile = path.join(dir, "nested", "acuity.json");
    const first = await startTestEmulator({ stateFile, initialAppointments: [seed] });
    let createdId: number;
    try {
      const acuity = clientFor(first);
      // Seeds are read in the calendar's zone when they carry no offset.
      expect((await acuity.getAppointment(seed.id)).datetime).toBe("2026-12-01T09:00:00-0500");
      const created = await acuity.createAppointment(bookingFor("2026-12-01T10:00:00-0500"));
      expect(created.id).toBeGreaterThan(seed.id);
      createdId = created.id;
      await acuity.cancelAppointment(seed.id);
    } finally {
      await first.stop();
    }

    expect(JSON.parse(readFileSync(stateFile, "utf8")).appointments).toHaveLength(2);
    expect(readdirSync(path.dirname(stateFile))).toEqual(["acuity.json"]); // no temp file left behind

    const second = await startTestEmulator({ stateFile, initialAppointments: [seed] });
    try {
      const acuity = clientFor(second);
      expect(await acuity.getAppointment(createdId)).toMatchObject({
        datetime: "2026-12-01T10:00:00-0500",
        canceled: false,
      });
      expect((await acuity.getAppointment(seed.id)).canceled).toBe(true);
      // The persisted booking still blocks its slot; the cancelled seed's slot is free again.
      await expect(acuity.createAppointment(bookingFor("2026-12-01T10:00:00-0500"))).rejects.toBeInstanceOf(
        AcuitySlotUnavailableError,
      );
      const rebooked = await acuity.createAppointment(bookingFor("2026-12-01T09:00:00-0500"));
      expect(rebooked.id).toBeGreaterThan(createdId);
    } finally {
      await second.stop();
    }
  });
});
