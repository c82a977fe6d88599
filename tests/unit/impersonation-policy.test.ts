import { describe, expect, it } from "vitest";
import { SYSTEM_ACCOUNT } from "@/lib/auth/system-account";
import { canImpersonate, canUseAdminConsole } from "@/lib/authz/policy";
import { buildActors } from "../support/authz-fixture";

const actors = buildActors((key) => key);
const referrer = { id: "memberA1", email: "member.a1@acme.test", role: "user", banned: false };

describe("impersonation policy", () => {
  it("lets a platform admin impersonate a referrer", () => {
    expect(canImpersonate(actors.platformAdmin, referrer)).toBe(true);
  });

  it("refuses another admin, a banned user, oneself and the system account", () => {
    expect(
      canImpersonate(actors.platformAdmin, {
        id: "otherAdmin",
        email: "other@ime.test",
        role: "admin",
        banned: false,
      }),
    ).toBe(false);
    expect(canImpersonate(actors.platformAdmin, { ...referrer, banned: true })).toBe(false);
    expect(
      canImpersonate(actors.platformAdmin, {
        id: "platformAdmin",
        email: actors.platformAdmin.email,
        role: "admin",
        banned: false,
      }),
    ).toBe(false);
    expect(
      canImpersonate(actors.platformAdmin, {
        id: "system",
        email: SYSTEM_ACCOUNT.email,
        role: "user",
        banned: false,
      }),
    ).toBe(false);
  });

  it("refuses organization owners and specialists", () => {
    expect(canImpersonate(actors.ownerA, referrer)).toBe(false);
    expect(canImpersonate(actors.specialistS1, referrer)).toBe(false);
  });

  it("refuses a second impersonation from inside one, and hides the admin console there", () => {
    const impersonating = { ...actors.platformAdmin, impersonatorId: "someAdmin" };
    expect(canImpersonate(impersonating, referrer)).toBe(false);
    expect(canUseAdminConsole(impersonating)).toBe(false);
    expect(canUseAdminConsole(actors.platformAdmin)).toBe(true);
  });
});
