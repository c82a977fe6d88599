import { describe, expect, it } from "vitest";
import { SYSTEM_ACCOUNT } from "@/lib/auth/system-account";
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
      other: canManageUserAccount(actor, {
        id: "memberA1" === key ? "ownerA" : "memberA1",
        email: "someone@acme.test",
      }),
      self: canManageUserAccount(actor, { id: actor.userId, email: actor.email }),
    }).toEqual(EXPECTED[key]);
  });

  it("is refused to an admin while impersonating", () => {
    expect(
      canManageUserAccount(
        { ...actors.platformAdmin, impersonatorId: "someAdmin" },
        { id: "memberA1", email: "someone@acme.test" },
      ),
    ).toBe(false);
  });

  it("is refused for the system account: a password would let someone sign in as it", () => {
    expect(canManageUserAccount(actors.platformAdmin, { id: "system", email: SYSTEM_ACCOUNT.email })).toBe(
      false,
    );
    expect(canManageUserAccount(actors.platformAdmin, { id: "system", email: "SYSTEM@ime.internal" })).toBe(
      false,
    );
  });
});
