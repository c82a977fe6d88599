import { describe, expect, it } from "vitest";
import { PROGRESS_STAGES, type ProgressStage } from "@/db/schema/enums";
import { initialStagesFromAcuity, stageFromAcuity } from "@/lib/acuity-sync/derive-stage";
import { retryDelaySeconds } from "@/lib/acuity-sync/retry-policy";

describe("the stage a booking takes from Acuity", () => {
  const beforeExam: ProgressStage[] = ["scheduled", "rescheduled"];
  const afterExam = PROGRESS_STAGES.filter((stage) => !beforeExam.includes(stage));

  it.each(beforeExam)("from %s: cancelled, no-show or rescheduled as Acuity says", (current) => {
    expect(stageFromAcuity(current, { canceled: true, noShow: false, moved: false })).toBe("cancelled");
    expect(stageFromAcuity(current, { canceled: true, noShow: true, moved: false })).toBe("no_show");
    expect(stageFromAcuity(current, { canceled: false, noShow: false, moved: true })).toBe("rescheduled");
    expect(stageFromAcuity(current, { canceled: false, noShow: false, moved: false })).toBe(current);
  });

  it.each(afterExam)("from %s: unchanged whatever Acuity says (the portal owns later stages)", (current) => {
    expect(stageFromAcuity(current, { canceled: true, noShow: false, moved: true })).toBe(current);
    expect(stageFromAcuity(current, { canceled: true, noShow: true, moved: false })).toBe(current);
  });

  it("gives a booking first seen as cancelled an honest history", () => {
    expect(initialStagesFromAcuity({ canceled: false, noShow: false })).toEqual(["scheduled"]);
    expect(initialStagesFromAcuity({ canceled: true, noShow: false })).toEqual(["scheduled", "cancelled"]);
    expect(initialStagesFromAcuity({ canceled: true, noShow: true })).toEqual(["scheduled", "no_show"]);
  });
});

describe("retry backoff", () => {
  it("doubles from about 5 seconds and stops growing at an hour", () => {
    const middle = () => 0.5; // no jitter
    expect([1, 2, 3, 4].map((n) => retryDelaySeconds(n, middle))).toEqual([5, 10, 20, 40]);
    expect(retryDelaySeconds(20, middle)).toBe(3600);
  });

  it("spreads retries by ±20% so failed events do not come back in lockstep", () => {
    expect(retryDelaySeconds(3, () => 0)).toBe(16);
    expect(retryDelaySeconds(3, () => 0.999)).toBe(24);
  });
});
