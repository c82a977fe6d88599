/** In person or telehealth follows the Acuity appointment type, whatever the location says. */
import { afterEach, describe, expect, it } from "vitest";
import { appointmentTypeFromAcuity } from "@/lib/acuity-sync/appointment-facts";

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe("appointmentTypeFromAcuity", () => {
  it("maps the demo type ids, and an in-person type stays in person even with a link as its location", () => {
    expect(appointmentTypeFromAcuity({ appointmentTypeID: 502, location: "" })).toBe("telehealth");
    expect(
      appointmentTypeFromAcuity({ appointmentTypeID: 501, location: "120 Park Ave, New York, NY" }),
    ).toBe("in_person");
    expect(
      appointmentTypeFromAcuity({ appointmentTypeID: 501, location: "https://meet.example.test/x" }),
    ).toBe("in_person");
  });

  it("uses ACUITY_TELEHEALTH_TYPE_ID / ACUITY_IN_PERSON_TYPE_ID in a real account", () => {
    Object.assign(process.env, { ACUITY_TELEHEALTH_TYPE_ID: "88", ACUITY_IN_PERSON_TYPE_ID: "77" });
    expect(appointmentTypeFromAcuity({ appointmentTypeID: 88, location: "" })).toBe("telehealth");
    expect(appointmentTypeFromAcuity({ appointmentTypeID: 77, location: "" })).toBe("in_person");
  });

  it("falls back to the location for a type the portal does not map", () => {
    expect(appointmentTypeFromAcuity({ appointmentTypeID: 999, location: "https://zoom.example/j/1" })).toBe(
      "telehealth",
    );
    expect(appointmentTypeFromAcuity({ appointmentTypeID: 999, location: "1 Main St" })).toBe("in_person");
  });
});
