import { describe, expect, it } from "vitest";
import { slotsByDay } from "@/lib/availability/slots-by-day";
import { twoClocks } from "@/lib/time/two-clocks";

const SYDNEY = "Australia/Sydney";
const NEW_YORK = "America/New_York";

describe("first available: one clock, grouped by the viewer's days", () => {
  const slot = (iso: string, zone: string) => ({ startsAt: new Date(iso).toISOString(), zone });
  // True time order across specialists: 9 AM EST, 7 AM MST (= 9 AM EST), 10 AM EST, next day 9 AM MST.
  const slots = [
    slot("2026-12-01T14:00:00Z", NEW_YORK),
    slot("2026-12-01T14:00:00Z", "America/Denver"),
    slot("2026-12-01T15:00:00Z", NEW_YORK),
    slot("2026-12-02T16:00:00Z", "America/Denver"),
  ];

  it("groups by the Sydney viewer's calendar days, in order", () => {
    const days = slotsByDay(slots, SYDNEY);
    expect(days.map((d) => [d.day, d.label, d.slots.length])).toEqual([
      ["2026-12-02", "Wednesday, December 2, 2026", 3],
      ["2026-12-03", "Thursday, December 3, 2026", 1],
    ]);
  });

  it("reads rising on the viewer's clock, each specialist's own time second", () => {
    const rows = slotsByDay(slots, SYDNEY).flatMap((d) =>
      d.slots.map((s) => twoClocks(new Date(s.startsAt), SYDNEY, s.zone, "none")),
    );
    expect(rows).toEqual([
      { primary: "1:00 AM AEDT", secondary: "Tue, Dec 1, 9:00 AM EST" },
      { primary: "1:00 AM AEDT", secondary: "Tue, Dec 1, 7:00 AM MST" },
      { primary: "2:00 AM AEDT", secondary: "Tue, Dec 1, 10:00 AM EST" },
      { primary: "3:00 AM AEDT", secondary: "Wed, Dec 2, 9:00 AM MST" },
    ]);
  });
});
