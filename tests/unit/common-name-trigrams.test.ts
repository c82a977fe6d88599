import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/authz/actor";
import { dateWalkBudget, type NameTrigramStatistics } from "@/lib/bookings/common-name-trigrams";

const actor = (changes: Partial<Actor>): Actor => ({
  userId: "u",
  name: "U",
  email: "u@example.test",
  platformRole: "user",
  specialistIds: [],
  memberships: [],
  teams: [],
  impersonatorId: null,
  ...changes,
});
const admin = actor({ platformRole: "admin" });
const owner = actor({ memberships: [{ organizationId: "org-a", role: "owner" }] });
const member = actor({
  memberships: [{ organizationId: "org-a", role: "member" }],
  teams: [{ teamId: "team-1", organizationId: "org-a" }],
});
const memberWithoutTeam = actor({ ...member, teams: [] });
const memberOfTwo = actor({
  ...member,
  memberships: [...member.memberships, { organizationId: "org-b", role: "member" }],
});
const specialist = actor({ specialistIds: ["spec-1"] });
const ownerAndSpecialist = actor({ ...owner, specialistIds: ["spec-1"] });

// 600,000 live bookings; the organization holds a third of them, the specialist a sixth; one
// booking in five has no team, and team-1 holds 45% of the organization's.
const statistics: NameTrigramStatistics = {
  liveBookings: 600_000,
  scopeShares: new Map([
    ["org-a", 1 / 3],
    ["spec-1", 1 / 6],
    ["team-1", 0.15],
  ]),
  teamlessShare: 0.2,
  keyShares: new Map([
    // In 15% of the organization's names: 251 matches among its newest ≈ 1,700.
    ["org-a:ber", 0.05],
    // In 5%: ≈ 5,000 to walk, against a key of 10,200 entries.
    ["org-a:bre", 0.017],
    // The same share, of a text PostgreSQL must case-fold on every row (not ASCII).
    ["org-a:brè", 0.017],
    // In 1.5%: ≈ 17,000 to walk, against a key of 3,000 entries.
    ["org-a:bru", 0.005],
    ["platform:ber", 0.15],
    ["platform:bre", 0.05],
    // "brenn"'s other trigrams: as common, and commoner.
    ["org-a:ren", 0.04],
    ["org-a:enn", 0.017],
    ["platform:ren", 0.11],
    ["platform:enn", 0.05],
    // In 30% and 6% of the specialist's names.
    ["spec-1:ber", 0.05],
    ["spec-1:bre", 0.01],
  ]),
};
const budget = (viewer: Actor, search: string, filters = {}) =>
  dateWalkBudget(statistics, viewer, search, { timeZone: "UTC", ...filters }, 250);

describe("counting a search by walking the newest bookings", () => {
  it("walks a fragment the statistics call common, about twice as far as 251 matches are expected", () => {
    // 251 / 15% ≈ 1,673 expected, walked to twice that at most.
    expect(budget(owner, "ber")).toBe(3347);
    expect(budget(owner, "BER")).toBe(3347);
    expect(budget(admin, "ber")).toBe(3347);
    expect(budget(specialist, "ber")).toBe(Math.ceil((2 * 251) / (0.05 * 6)));
  });

  it("reads the key where the walk would cost more than half of the key pass", () => {
    // ≈ 17,000 to walk (twice over, at a key entry a booking) against 3,000 entries and 251 fetches.
    expect(budget(owner, "bru")).toBeNull();
  });

  it("weighs a walked booking at a key entry where its text is read folded (printable ASCII), three where PostgreSQL folds it", () => {
    // ≈ 4,900 to walk: 9,800 entries' worth against the key pass's 10,200 and 251 fetches (≈ 15,200)…
    expect(budget(owner, "bre")).toBe(Math.ceil((2 * 251) / (0.017 * 3)));
    // …but 29,500 entries' worth where each booking's name, claim number and reference are ILIKEd.
    expect(budget(owner, "brè")).toBeNull();
  });

  it("walks the same 5% where the key is the platform's: 30,000 entries and 251 fetches cost more than twice the walk", () => {
    // 251 / 5% = 5,020 expected, walked to twice that at most.
    expect(budget(admin, "bre")).toBe(10_040);
  });

  it("reads the key for a fragment the statistics do not list, or without statistics", () => {
    expect(budget(owner, "zzq")).toBeNull();
    const none: NameTrigramStatistics = {
      liveBookings: 0,
      keyShares: new Map(),
      scopeShares: new Map(),
      teamlessShare: 0,
    };
    expect(dateWalkBudget(none, owner, "ber", {}, 250)).toBeNull();
  });

  it('weighs a word of several trigrams by its rarest: "brenn" is walked as "bre" is', () => {
    // bre 5%, ren 11%, enn 5% of the platform's names: no more than 5% hold "brenn".
    expect(budget(admin, "brenn")).toBe(10_040);
    expect(budget(admin, "Brenn")).toBe(10_040);
    expect(budget(owner, "brenn")).toBe(budget(owner, "bre"));
  });

  it("reads the keys of a word with a trigram the statistics do not list (rarer than any they do), and of no word", () => {
    // "ern" is not listed for organization A: its key is short, whatever "ber"'s is.
    expect(budget(owner, "bern")).toBeNull();
    expect(budget(owner, "be")).toBeNull();
    expect(budget(owner, "b-r")).toBeNull();
    expect(budget(owner, "ber ber")).toBeNull();
  });

  it("walks a plain member's organization as far as the part they see needs", () => {
    // Their team's 45% and the team-less 20%: 15% × 65% of the bookings walked are theirs and match.
    expect(budget(member, "ber")).toBe(Math.ceil((2 * 251) / (0.15 * 0.65)));
    // The team-less 20% alone: "bre"'s matches too far apart to walk for (≈ 24,600 a walk).
    expect(budget(memberWithoutTeam, "bre")).toBeNull();
  });

  it("walks only a viewer whose view lies in one scope", () => {
    expect(budget(memberOfTwo, "ber")).toBeNull();
    expect(budget(ownerAndSpecialist, "ber")).toBeNull();
  });

  it("does not walk past a filter, but the default live bookings and empty choices are no filter", () => {
    expect(budget(owner, "ber", { progress: ["scheduled"] })).toBeNull();
    expect(budget(owner, "ber", { status: ["archived"] })).toBeNull();
    expect(budget(owner, "ber", { status: [], progress: [] })).toBe(3347);
  });
});
