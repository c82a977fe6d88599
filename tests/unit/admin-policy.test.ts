import { describe, expect, it } from "vitest";
import { canManageUserAccount } from "@/lib/authz/policy";
import { ACTOR_KEYS, buildActors, type ActorKey } from "../support/authz-fixture";

const actors = buildActors((key) => key);

/** Who may ban, unban, reset the password of, or sign out a user — by actor, for another user and for themselves. */
const EXPECTED: Record<ActorKey, { other: boolean; self: boolean }> = {
  platformAdmin: { other: true, self: false },
  specialistS1: { other: false, self: false },
  ownerA: { other: false, self: false },
  adminA: { other: false, self: false },
  memberA1: { other: false, self: false },
  memberNoTeamA: { other: false, self: false },
  memberB1: { other: false, self: false },
  outsider: { other: false, self: false },
};

describe("managing user accounts", () => {
  it.each(ACTOR_KEYS)("%s", (key) => {
    const actor = actors[key];
    expect({
      other: canManageUserAccount(actor, { id: "memberA1" === key ? "ownerA" : "memberA1" }),
      self: canManageUserAccount(actor, { id: actor.userId }),
    }).toEqual(EXPECTED[key]);
  });

  it("is refused to an admin while impersonating", () => {
    expect(canManageUserAccount({ ...actors.platformAdmin, impersonatorId: "someAdmin" }, { id: "memberA1" })).toBe(false);
  });
});
