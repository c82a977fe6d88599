import { beforeAll, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { loadActor } from "@/lib/authz/load-actor";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { countBookingViews, TAB_BADGE_CAP } from "@/lib/bookings/count-bookings";
import { bookingCountLine } from "@/components/bookings/booking-count-line";
import { viewTabsFor } from "@/components/bookings/list-view-tabs";
import { BOOKING_KEYS, VISIBLE, type BookingKey, type IdOf } from "../support/authz-fixture";
import { insertBookingCopies } from "../support/booking-copies";
import { insertAuthzWorld } from "../support/insert-authz-world";

/**
 * The tab the reader is on counts to 1,000; the others' badges to TAB_BADGE_CAP ("Past 100+"),
 * which is what kept an unsearched page's counts cheap at a large insurer's size (issue 14).
 * Organization A of this file's own world: its fixture bookings are all upcoming; 120 past ones added.
 */
const PAST = TAB_BADGE_CAP + 20;
let id: IdOf;
let upcoming: number;

beforeAll(async () => {
  const world = await insertAuthzWorld({ withMemberships: true });
  id = world.id;
  upcoming = BOOKING_KEYS.filter((key: BookingKey) => VISIBLE.ownerA[key]).length;
  await insertBookingCopies(
    world.bookingIds.aTeam1,
    Array.from({ length: PAST }, (_, i) => ({
      // Booked a month ago (an appointment comes after its booking).
      createdAt: new Date(Date.now() - 30 * 86_400_000),
      appointmentDate: new Date(Date.now() - (i + 1) * 3_600_000),
    })),
  );
});

async function pageFor(view: string) {
  const owner = (await loadActor(getDb(), id("ownerA"), null))!;
  const state = parseBookingListParams({ view });
  const page = await listBookingPageForViewer(getDb(), owner, state, "UTC");
  const badges = Object.fromEntries(
    viewTabsFor("/bookings", state, page.viewCounts).map((tab) => [tab.view, tab.count]),
  );
  return { page, badges };
}

it('on Upcoming, the Past badge reads "100+" and All at least the sum; the list\'s own count is exact', async () => {
  const { page, badges } = await pageFor("upcoming");
  expect(bookingCountLine(page, "upcoming ")).toBe(`${upcoming} upcoming bookings`);
  expect(badges).toEqual({
    upcoming: String(upcoming),
    past: `${TAB_BADGE_CAP}+`,
    cancelled: "0",
    all: `${upcoming + TAB_BADGE_CAP}+`,
  });
});

it("on Past, its own count is exact past the badge's cap", async () => {
  const { page, badges } = await pageFor("past");
  expect(bookingCountLine(page, "past ")).toBe(`${PAST} past bookings`);
  expect(badges.past).toBe(String(PAST));
  expect(badges.upcoming).toBe(String(upcoming));
});

it("on All, All is counted itself (exact) while Past is a badge", async () => {
  const { page, badges } = await pageFor("all");
  expect(bookingCountLine(page, "")).toBe(`${upcoming + PAST} bookings`);
  expect(badges.all).toBe(String(upcoming + PAST));
  expect(badges.past).toBe(`${TAB_BADGE_CAP}+`);
});

it("All's badge reads no more than its own view counts to: the sum of the badges stops at the cap", async () => {
  const owner = (await loadActor(getDb(), id("ownerA"), null))!;
  // A cap of 4: Upcoming (the view) and Past both reach it, so their sum (8) would read "8+" — but
  // All's own view, counted to 4, would read "4+".
  expect(await countBookingViews(getDb(), owner, { now: new Date() }, "upcoming", 4)).toEqual({
    upcoming: { total: 4, capped: true },
    past: { total: 4, capped: true },
    cancelled: { total: 0, capped: false },
    all: { total: 4, capped: true },
  });
});
