/**
 * The bookings list's views (Upcoming / Past / Cancelled / All), their counts, the document
 * indicators and the referral-number search — each asserted within this file's own fixture
 * world (a name tag no other file uses), since every integration file shares one database.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { bookings, documents } from "@/db/schema";
import type { ProgressStage } from "@/db/schema/enums";
import { loadActor } from "@/lib/authz/load-actor";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { newId } from "@/lib/ids";
import type { BookingKey, IdOf } from "../support/authz-fixture";
import { insertBookingCopies } from "../support/booking-copies";
import { insertAuthzWorld } from "../support/insert-authz-world";

let id: IdOf;
let bookingIds: Record<BookingKey, string>;
// Letters only (digits would also be read as a phone number): this file's world and nobody else's.
const tag = `v${Math.random()
  .toString(36)
  .replace(/[^a-z]/g, "")
  .slice(0, 8)}`;
const now = new Date();
const MINUTE = 60_000;
/** The extra bookings (organization A, no team) by what they test. */
const extra: Record<string, { at: number; progress: ProgressStage; id?: string }> = {
  justPast: { at: -MINUTE, progress: "generating_report" },
  justAhead: { at: MINUTE, progress: "scheduled" },
  cancelledAhead: { at: 2 * 86_400_000, progress: "cancelled" },
  noShow: { at: -3 * 86_400_000, progress: "no_show" },
};

beforeAll(async () => {
  ({ id, bookingIds } = await insertAuthzWorld({ withMemberships: true, examineeNameTag: tag }));
  for (const b of Object.values(extra)) b.id = newId();
  await insertBookingCopies(
    bookingIds.aNoTeam,
    Object.entries(extra).map(([key, b]) => ({
      id: b.id!,
      examineeName: `Examinee ${tag}${key}`,
      appointmentDate: new Date(now.getTime() + b.at),
      currentProgress: b.progress,
      // Booked before the examination (a constraint), a week ago.
      createdAt: new Date(now.getTime() - 7 * 86_400_000),
    })),
  );
  // Referral numbers on one fixture booking of each organization.
  await getDb()
    .update(bookings)
    .set({ claimNumber: `CLM-${tag.toUpperCase()}-0042`, caseManagerReference: `CM/${tag}/7` })
    .where(eq(bookings.id, bookingIds.aTeam1));
  await getDb()
    .update(bookings)
    .set({ claimNumber: `CLM-${tag.toUpperCase()}-0099` })
    .where(eq(bookings.id, bookingIds.bNoTeam));
  // Documents: a brief on aNoTeam, a consent form and two reports on aTeam1 (the newer one offered).
  const doc = (
    bookingId: string,
    category: "brief" | "consent_form" | "report",
    fileName: string,
    ago: number,
  ) => ({
    id: newId(),
    bookingId,
    uploadedById: id("ownerA"),
    s3Key: `fixture/${tag}/${newId()}`,
    fileName,
    fileSize: 10,
    mimeType: "application/pdf",
    category,
    createdAt: new Date(now.getTime() - ago),
  });
  await getDb()
    .insert(documents)
    .values([
      doc(bookingIds.aNoTeam, "brief", "brief.pdf", 0),
      doc(bookingIds.aTeam1, "consent_form", "consent.pdf", 0),
      doc(bookingIds.aTeam1, "report", "old-report.pdf", 2 * MINUTE),
      doc(bookingIds.aTeam1, "report", "report.pdf", MINUTE),
    ]);
});

async function pageFor(actorKey: string, params: Record<string, string>) {
  const actor = (await loadActor(getDb(), id(actorKey), null))!;
  return listBookingPageForViewer(
    getDb(),
    actor,
    parseBookingListParams({ size: "100", q: `examinee ${tag}`, ...params }),
    "UTC",
    now,
  );
}
const namesIn = async (actorKey: string, params: Record<string, string>) =>
  (await pageFor(actorKey, params)).rows.map((r) => r.examineeName.replace(`Examinee ${tag}`, ""));

describe("the views of the bookings list", () => {
  it("opens on Upcoming: from now on, not cancelled, the nearest first", async () => {
    const upcoming = await namesIn("ownerA", {});
    // A minute ahead is upcoming and comes first; the fixture's own are 1..5 days ahead.
    expect(upcoming).toEqual([
      "justAhead",
      "aNoTeam",
      "aTeam1",
      "aTeam2",
      "aTeam2ForMember",
      "aTeam2ByMember1",
    ]);
    expect(upcoming).not.toContain("cancelledAhead");
    expect(upcoming).not.toContain("justPast");
  });

  it("puts a minute ago and a no-show in Past, newest first; a cancelled one only in Cancelled and All", async () => {
    expect(await namesIn("ownerA", { view: "past" })).toEqual(["justPast", "noShow"]);
    expect(await namesIn("ownerA", { view: "cancelled" })).toEqual(["cancelledAhead"]);
    const all = await namesIn("ownerA", { view: "all" });
    expect(all).toHaveLength(9);
    expect(all).toEqual(expect.arrayContaining(["cancelledAhead", "justPast", "justAhead", "noShow"]));
  });

  it("counts each view with the same search, All being the sum", async () => {
    const page = await pageFor("ownerA", { view: "past" });
    expect(page.viewCounts).toEqual({
      upcoming: { total: 6, capped: false },
      past: { total: 2, capped: false },
      cancelled: { total: 1, capped: false },
      all: { total: 9, capped: false },
    });
    expect(page.total).toBe(2);
  });

  it("keeps each view within what the viewer may see", async () => {
    // memberA1 sees aNoTeam, aTeam1 and aTeam2ByMember1 of the fixture, and the team-less extras.
    expect(await namesIn("memberA1", {})).toEqual(["justAhead", "aNoTeam", "aTeam1", "aTeam2ByMember1"]);
    expect(await namesIn("memberB1", { view: "past" })).toEqual([]);
    expect(await namesIn("memberB1", { view: "cancelled" })).toEqual([]);
  });
});

describe("the document indicators", () => {
  it("say which of brief, consent form and report each booking has, and offer the newest report", async () => {
    const rows = (await pageFor("ownerA", { view: "all" })).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(bookingIds.aNoTeam)).toMatchObject({
      hasBrief: true,
      hasConsentForm: false,
      reportDocumentId: null,
    });
    expect(byId.get(bookingIds.aTeam1)).toMatchObject({
      hasBrief: false,
      hasConsentForm: true,
      reportFileName: "report.pdf",
    });
    expect(byId.get(bookingIds.aTeam2)).toMatchObject({
      hasBrief: false,
      hasConsentForm: false,
      reportDocumentId: null,
    });
  });
});

describe("the search box", () => {
  it("finds a booking by any part of its claim number, within what the viewer may see", async () => {
    const search = async (actorKey: string, q: string) =>
      (await pageFor(actorKey, { q, view: "all" })).rows.map((r) => r.id);
    expect(await search("ownerA", `clm-${tag}-0042`)).toEqual([bookingIds.aTeam1]);
    expect(await search("ownerA", `${tag}-00`)).toEqual([bookingIds.aTeam1]);
    // The same part matches both claim numbers: B's member sees B's, never A's.
    expect(await search("memberB1", `${tag}-00`)).toEqual([bookingIds.bNoTeam]);
    expect((await search("platformAdmin", `${tag}-00`)).sort()).toEqual(
      [bookingIds.aTeam1, bookingIds.bNoTeam].sort(),
    );
  });

  it("finds a booking by the case manager's reference", async () => {
    const rows = (await pageFor("ownerA", { q: `cm/${tag}/7`, view: "all" })).rows;
    expect(rows.map((r) => r.id)).toEqual([bookingIds.aTeam1]);
    expect(rows[0]).toMatchObject({
      claimNumber: `CLM-${tag.toUpperCase()}-0042`,
      caseManagerReference: `CM/${tag}/7`,
    });
  });

  it("still finds names by two letters at the start of a word", async () => {
    // "Examinee <tag>…": two letters of the tag's start are not a word start; "ex" is.
    const rows = (await pageFor("ownerA", { q: "ex", view: "all", size: "100" })).rows.map((r) => r.id);
    expect(rows).toEqual(expect.arrayContaining([bookingIds.aNoTeam, bookingIds.aTeam1]));
  });
});

describe("Admin → Bookings (the same table for a platform admin)", () => {
  it("shows every organization's bookings, and a referrer's never another organization's", async () => {
    const adminIds = (await pageFor("platformAdmin", { view: "all" })).rows.map((r) => r.id);
    expect(adminIds).toEqual(
      expect.arrayContaining([bookingIds.aNoTeam, bookingIds.bTeam1, bookingIds.bNoTeam]),
    );
    const referrer = (await pageFor("memberA1", { view: "all" })).rows;
    expect(referrer.length).toBeGreaterThan(0);
    expect(new Set(referrer.map((r) => r.organizationId))).toEqual(new Set([id("A")]));
    // The organization filter narrows the admin's table to one organization.
    const onlyB = (await pageFor("platformAdmin", { view: "all", organization: id("B") })).rows;
    expect(onlyB.map((r) => r.id).sort()).toEqual([bookingIds.bTeam1, bookingIds.bNoTeam].sort());
  });
});
