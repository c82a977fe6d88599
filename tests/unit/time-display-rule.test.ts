import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ZonedTime } from "@/components/bookings/zoned-time";
import { dateTimeLabel } from "@/lib/time/people-time";
import { examinationTime, timestampLabel, twoClocks } from "@/lib/time/two-clocks";
import { zoneAbbreviation } from "@/lib/time/zone-name";
import { localDateIn } from "@/lib/time/zoned";

const SYDNEY = "Australia/Sydney";
const NEW_YORK = "America/New_York";
/** 9:00 AM in New York on Tuesday 1 December 2026 = 1:00 AM on Wednesday 2 December in Sydney. */
const NY_MORNING = new Date("2026-12-01T14:00:00Z");

describe("zone names read as people read them", () => {
  it.each([
    [SYDNEY, "2026-01-15T00:00:00Z", "AEDT"],
    [SYDNEY, "2026-07-15T00:00:00Z", "AEST"],
    [NEW_YORK, "2026-01-15T00:00:00Z", "EST"],
    [NEW_YORK, "2026-07-15T00:00:00Z", "EDT"],
    ["America/Denver", "2026-01-15T00:00:00Z", "MST"],
    ["America/Phoenix", "2026-07-15T00:00:00Z", "MST"],
    ["Europe/London", "2026-01-15T00:00:00Z", "GMT"],
    ["Europe/London", "2026-07-15T00:00:00Z", "BST"],
    ["Pacific/Auckland", "2026-01-15T00:00:00Z", "NZDT"],
    ["Asia/Kolkata", "2026-01-15T00:00:00Z", "IST"],
    ["America/St_Johns", "2026-01-15T00:00:00Z", "NST"],
    ["UTC", "2026-01-15T00:00:00Z", "UTC"],
  ])("%s at %s is %s", (zone, at, name) => {
    expect(zoneAbbreviation(new Date(at), zone)).toBe(name);
  });

  it("falls back to the offset written UTC±h[:mm] where the runtime knows no abbreviation", () => {
    expect(zoneAbbreviation(new Date("2026-01-15T00:00:00Z"), "Asia/Tokyo")).toBe("UTC+9");
    expect(zoneAbbreviation(new Date("2026-01-15T00:00:00Z"), "Asia/Kathmandu")).toBe("UTC+5:45");
    expect(zoneAbbreviation(new Date("2026-01-15T00:00:00Z"), "America/Sao_Paulo")).toBe("UTC-3");
  });

  it("never writes GMT+x for a zone", () => {
    const zones = [
      SYDNEY,
      NEW_YORK,
      "Asia/Tokyo",
      "Australia/Adelaide",
      "Europe/Berlin",
      "Pacific/Chatham",
      "Asia/Singapore",
    ];
    for (const zone of zones) {
      for (const at of ["2026-01-15T00:00:00Z", "2026-07-15T00:00:00Z"])
        expect(dateTimeLabel(new Date(at), zone, "long")).not.toMatch(/GMT[+-]/);
    }
  });
});

describe("an examination time: the specialist's zone, the viewer's beside it with its own date", () => {
  it("gives the Sydney viewer Wednesday's date for New York's Tuesday morning slot (time-only slot button)", () => {
    expect(examinationTime(NY_MORNING, NEW_YORK, SYDNEY, "none")).toEqual({
      primary: "9:00 AM EST",
      secondary: "Wed, Dec 2, 1:00 AM AEDT",
    });
  });

  it("dates the viewer's line beside a dated primary too (the Chosen line, the Move to button)", () => {
    expect(examinationTime(NY_MORNING, NEW_YORK, SYDNEY, "long")).toEqual({
      primary: "Tuesday, December 1, 2026, 9:00 AM EST",
      secondary: "Wed, Dec 2, 1:00 AM AEDT",
    });
    expect(examinationTime(NY_MORNING, NEW_YORK, SYDNEY, "weekday").primary).toBe("Tue, Dec 1, 9:00 AM EST");
  });

  it("leaves the date out of the viewer's line when it is the same day", () => {
    expect(examinationTime(NY_MORNING, NEW_YORK, "America/Chicago", "weekdayYear")).toEqual({
      primary: "Tue, Dec 1, 2026, 9:00 AM EST",
      secondary: "8:00 AM CST",
    });
  });

  it("adds the year when the viewer is already in the next one", () => {
    expect(examinationTime(new Date("2026-12-31T14:00:00Z"), NEW_YORK, SYDNEY, "none").secondary).toBe(
      "Fri, Jan 1, 2027, 1:00 AM AEDT",
    );
  });

  it("shows no second line when the viewer's clock reads the same, or the viewer's zone is not known yet", () => {
    expect(examinationTime(NY_MORNING, NEW_YORK, "America/Detroit", "none").secondary).toBeNull();
    expect(examinationTime(NY_MORNING, NEW_YORK, null, "none").secondary).toBeNull();
  });

  it("works the other way across the date line: a Sydney morning is the previous evening in New York", () => {
    const sydneyMorning = new Date("2026-12-01T22:00:00Z"); // 9:00 AM Wed 2 Dec AEDT
    expect(twoClocks(sydneyMorning, SYDNEY, NEW_YORK, "none")).toEqual({
      primary: "9:00 AM AEDT",
      secondary: "Tue, Dec 1, 5:00 PM EST",
    });
  });

  it("dates the second line whenever its day differs, at every hour of a year, for zones far apart", () => {
    const pairs: [string, string][] = [
      [NEW_YORK, SYDNEY],
      [SYDNEY, NEW_YORK],
      ["Pacific/Honolulu", "Pacific/Kiritimati"],
      ["America/Denver", "Asia/Kolkata"],
    ];
    for (const [primaryZone, secondaryZone] of pairs) {
      for (let hour = 0; hour < 365 * 24; hour += 11) {
        const instant = new Date(Date.UTC(2026, 0, 1) + hour * 3_600_000);
        const { secondary } = twoClocks(instant, primaryZone, secondaryZone, "none");
        const day = localDateIn(instant, secondaryZone);
        const dayOfMonth = String(Number(day.slice(8)));
        if (day !== localDateIn(instant, primaryZone))
          expect(secondary, `${instant.toISOString()} ${secondaryZone}`).toMatch(
            new RegExp(`\\b${dayOfMonth},`),
          );
        else expect(secondary).not.toMatch(/,/);
      }
    }
  }, 60_000);

  it("renders both lines, the viewer's named as theirs", () => {
    const html = renderToStaticMarkup(
      createElement(ZonedTime, {
        instant: NY_MORNING,
        zone: NEW_YORK,
        viewerZone: SYDNEY,
        dateStyle: "none",
      }),
    );
    expect(html).toContain(`<time dateTime="2026-12-01T14:00:00.000Z">9:00 AM EST</time>`);
    expect(html).toContain("Wed, Dec 2, 1:00 AM AEDT your time");
  });
});

describe("every other timestamp: the viewer's zone, named", () => {
  it("writes uploads, history and audit times in the viewer's zone", () => {
    expect(timestampLabel(NY_MORNING, SYDNEY)).toBe("Dec 2, 2026, 1:00 AM AEDT");
    expect(timestampLabel(NY_MORNING, NEW_YORK)).toBe("Dec 1, 2026, 9:00 AM EST");
  });

  it("says UTC until the browser has told the viewer's zone", () => {
    expect(timestampLabel(NY_MORNING, null)).toBe("Dec 1, 2026, 2:00 PM UTC");
  });
});
