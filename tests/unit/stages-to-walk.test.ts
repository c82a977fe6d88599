/**
 * A page sorted by progress walks each stage's bookings in date order (list-bookings.ts): only the
 * stages its view and its Progress filter can hold — the cancelled stage's walk in Upcoming or Past
 * would read every cancelled booking of the scope and keep none.
 */
import { describe, expect, it } from "vitest";
import { PROGRESS_STAGES } from "@/db/schema/enums";
import { stagesToWalk } from "@/lib/bookings/list-bookings";

describe("stagesToWalk", () => {
  it("walks every stage but cancelled in Upcoming and Past, only cancelled in Cancelled, all in All", () => {
    const notCancelled = PROGRESS_STAGES.filter((stage) => stage !== "cancelled");
    expect(stagesToWalk("upcoming")).toEqual(notCancelled);
    expect(stagesToWalk("past")).toEqual(notCancelled);
    expect(stagesToWalk("cancelled")).toEqual(["cancelled"]);
    expect(stagesToWalk("all")).toEqual([...PROGRESS_STAGES]);
    expect(stagesToWalk(undefined)).toEqual([...PROGRESS_STAGES]);
  });

  it("walks only the stages the Progress filter asks for, and none the view cannot hold", () => {
    expect(stagesToWalk("all", ["payment_received", "cancelled"])).toEqual(["cancelled", "payment_received"]);
    expect(stagesToWalk("past", ["cancelled", "no_show"])).toEqual(["no_show"]);
    expect(stagesToWalk("upcoming", ["cancelled"])).toEqual([]);
    expect(stagesToWalk("cancelled", ["scheduled"])).toEqual([]);
  });
});
