import { describe, expect, it } from "vitest";
import { changedUrl, historyStep, NO_BURST, type TypingBurst } from "@/lib/url/history-step";

/**
 * Plays changes through historyStep. Each change is [field, typing, committed]: `committed`
 * says whether the previous navigation had reached the address bar when this change came.
 * `null` is the typing field losing focus.
 */
function modes(changes: ([string, boolean, boolean?] | null)[]) {
  let burst: TypingBurst = NO_BURST;
  let address = "/bookings";
  let last = "/bookings";
  const out: string[] = [];
  changes.forEach((change, i) => {
    if (!change) {
      burst = NO_BURST;
      return;
    }
    const [field, typing, committed = true] = change;
    if (committed) address = last;
    const next = `/bookings?step=${i}`;
    const step = historyStep(burst, { field, typing }, address, next);
    burst = step.burst;
    last = next;
    out.push(step.mode);
  });
  return out;
}

describe("bookings list history: Back undoes one deliberate change at a time", () => {
  it("makes every filter, sort and page change its own entry", () => {
    expect(
      modes([
        ["progress", false],
        ["type", false],
        ["sort", false],
        ["page", false],
        ["progress", false],
      ]),
    ).toEqual(["push", "push", "push", "push", "push"]);
  });

  it("folds one typed search into one entry", () => {
    expect(
      modes([
        ["q", true],
        ["q", true],
        ["q", true],
      ]),
    ).toEqual(["push", "replace", "replace"]);
  });

  it("starts a new entry when typing resumes after leaving the box, or after another change", () => {
    expect(modes([["q", true], ["q", true], null, ["q", true]])).toEqual(["push", "replace", "push"]);
    expect(
      modes([
        ["q", true],
        ["status", false],
        ["q", true],
      ]),
    ).toEqual(["push", "push", "push"]);
    expect(
      modes([
        ["q", true],
        ["from", true],
        ["from", true],
        ["q", true],
      ]),
    ).toEqual(["push", "push", "replace", "push"]);
  });

  it("pushes again while the burst's first entry has not reached the address bar (a replace would overwrite the step before it)", () => {
    // Typing "s", then "m" before the server answered "s": the "s" push is overtaken, so "sm" must push.
    expect(
      modes([
        ["sort", false],
        ["q", true],
        ["q", true, false],
        ["q", true],
        ["q", true, false],
      ]),
    ).toEqual(["push", "push", "push", "replace", "replace"]);
  });

  it("writes the URL without emptied keys", () => {
    expect(
      changedUrl("/bookings", "q=ann&status=active&page=3", { q: "", page: null, type: "telehealth" }),
    ).toBe("/bookings?status=active&type=telehealth");
    expect(changedUrl("/bookings", "q=ann", { q: null })).toBe("/bookings");
  });
});
