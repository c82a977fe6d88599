import { describe, expect, it } from "vitest";
import { canManageFeeSchedules, canViewCharges, canWaiveCharge } from "@/lib/authz/policy";
import { buildActors } from "../support/authz-fixture";

const actors = buildActors((key) => `t-${key}`);
const A = "t-A";

describe("billing policy", () => {
  it("shows an organization's charges to its owners and admins and to platform admins only", () => {
    expect(canViewCharges(actors.ownerA, A)).toBe(true);
    expect(canViewCharges(actors.adminA, A)).toBe(true);
    expect(canViewCharges(actors.platformAdmin, A)).toBe(true);
    for (const actor of [
      actors.memberA1,
      actors.memberNoTeamA,
      actors.specialistS1,
      actors.memberB1,
      actors.outsider,
    ])
      expect(canViewCharges(actor, A)).toBe(false);
    // An owner of A sees nothing of another organization's charges.
    expect(canViewCharges(actors.ownerA, "t-B")).toBe(false);
  });

  it("lets only platform admins (as themselves) manage fee schedules and waive charges", () => {
    expect(canManageFeeSchedules(actors.platformAdmin)).toBe(true);
    expect(canWaiveCharge(actors.platformAdmin)).toBe(true);
    expect(canWaiveCharge({ ...actors.platformAdmin, impersonatorId: "someone" })).toBe(false);
    for (const actor of [actors.ownerA, actors.adminA, actors.memberA1, actors.specialistS1]) {
      expect(canManageFeeSchedules(actor)).toBe(false);
      expect(canWaiveCharge(actor)).toBe(false);
    }
  });
});
