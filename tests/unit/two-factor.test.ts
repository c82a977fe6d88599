import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import {
  canChangeOrganizationSettings,
  canManageOwnTwoFactor,
  canResetTwoFactorOf,
} from "@/lib/authz/policy";
import { enrolmentKeyFor } from "@/lib/two-factor/enrolment-qr";
import { mustUseTwoFactor } from "@/lib/two-factor/requirement";
import { organizationTwoFactorSchema } from "@/lib/two-factor/schemas";
import { totpCodeFor, totpCodeFromUri } from "@/lib/two-factor/totp-code";

const actor = (partial: Partial<Actor> = {}): Actor => ({
  userId: "u1",
  name: "Someone",
  email: "someone@example.test",
  platformRole: "user",
  specialistIds: [],
  memberships: [],
  teams: [],
  impersonatorId: null,
  ...partial,
});

describe("who must use two-factor", () => {
  it("admins and specialists always; referrers only where their organization requires it", () => {
    const none = new Set<string>();
    expect(mustUseTwoFactor(actor({ platformRole: "admin" }), none)).toBe(true);
    expect(mustUseTwoFactor(actor({ specialistIds: ["s1"] }), none)).toBe(true);
    const referrer = actor({ memberships: [{ organizationId: "o1", role: "member" }] });
    expect(mustUseTwoFactor(referrer, none)).toBe(false);
    expect(mustUseTwoFactor(referrer, new Set(["o2"]))).toBe(false);
    expect(mustUseTwoFactor(referrer, new Set(["o1"]))).toBe(true);
  });
});

describe("two-factor permissions", () => {
  const admin = actor({ userId: "a1", platformRole: "admin" });
  it("an admin resets others' second factor, never their own, never while impersonating", () => {
    expect(canResetTwoFactorOf(admin, { id: "u2", email: "u2@example.test" })).toBe(true);
    expect(canResetTwoFactorOf(admin, { id: "a1", email: admin.email })).toBe(false);
    expect(
      canResetTwoFactorOf({ ...admin, impersonatorId: "a9" }, { id: "u2", email: "u2@example.test" }),
    ).toBe(false);
    expect(canResetTwoFactorOf(actor(), { id: "u2", email: "u2@example.test" })).toBe(false);
  });
  it("only the person changes their own; only an organization's owner its setting", () => {
    expect(canManageOwnTwoFactor(actor())).toBe(true);
    expect(canManageOwnTwoFactor(actor({ impersonatorId: "a1" }))).toBe(false);
    const owner = actor({ memberships: [{ organizationId: "o1", role: "owner" }] });
    expect(canChangeOrganizationSettings(owner, "o1")).toBe(true);
    expect(canChangeOrganizationSettings(owner, "o2")).toBe(false);
    expect(canChangeOrganizationSettings({ ...owner, impersonatorId: "a1" }, "o1")).toBe(false);
    expect(
      canChangeOrganizationSettings(actor({ memberships: [{ organizationId: "o1", role: "admin" }] }), "o1"),
    ).toBe(false);
  });
});

describe("codes", () => {
  it("computes RFC 6238's SHA-1 test vector (the last six digits)", () => {
    expect(totpCodeFor("12345678901234567890", new Date(59_000))).toBe("287082");
    expect(totpCodeFor("12345678901234567890", new Date(1_111_111_109_000))).toBe("081804");
  });
  it("reads the same key from an otpauth address", () => {
    const uri =
      "otpauth://totp/IME%20Portal:a%40b.test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=IME+Portal";
    expect(totpCodeFromUri(uri, new Date(59_000))).toBe("287082");
  });
});

describe("the enrolment key on screen", () => {
  it("draws a TOTP address as an SVG QR code and groups the key for typing", async () => {
    const key = await enrolmentKeyFor(
      "otpauth://totp/IME%20Portal:a%40b.test?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=IME+Portal&digits=6&period=30",
    );
    expect(key?.qrSvg).toMatch(/^<svg[^>]*>.*<\/svg>\s*$/s);
    expect(key?.qrSvg).not.toMatch(/<script|style=/i);
    expect(key?.secretForTyping).toBe("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
  });
  it("draws nothing that is not a TOTP address", async () => {
    expect(await enrolmentKeyFor("https://example.test/?secret=ABC")).toBeNull();
    expect(await enrolmentKeyFor("otpauth://hotp/x?secret=GEZDGNBV")).toBeNull();
    expect(await enrolmentKeyFor("otpauth://totp/x?secret=not*base32")).toBeNull();
  });
});

describe("the organization setting form", () => {
  it("reads a ticked checkbox as required and a missing one as not", () => {
    expect(
      organizationTwoFactorSchema.parse({ organizationId: "o1", requireTwoFactor: "on" }).requireTwoFactor,
    ).toBe(true);
    expect(organizationTwoFactorSchema.parse({ organizationId: "o1" }).requireTwoFactor).toBe(false);
    expect(
      organizationTwoFactorSchema.parse({ organizationId: "o1", requireTwoFactor: false }).requireTwoFactor,
    ).toBe(false);
  });
});
