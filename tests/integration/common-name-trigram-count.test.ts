/**
 * A database of its own (tests/support/jobs-database.ts): the test fills one organization with
 * thousands of like names and runs ANALYZE, whose statistics choose the walk — on the run's shared
 * database they changed the plans other files' kept-plan tests assert (home-plans, booking-list-plans).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { bookings } from "@/db/schema";
import { newId } from "@/lib/ids";
import { loadActor } from "@/lib/authz/load-actor";
import {
  countBookingViews,
  countSearchViewsByDateWalk,
  SEARCH_COUNT_CAP,
} from "@/lib/bookings/count-bookings";
import { dateWalkBudget, nameTrigramStatistics } from "@/lib/bookings/common-name-trigrams";
import { bookingListWhere } from "@/lib/bookings/list-bookings";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import type { IdOf } from "../support/authz-fixture";
import { insertAuthzWorld } from "../support/insert-authz-world";
import { createJobsDatabase, type JobsDatabase } from "../support/jobs-database";

// Organization A's examinees are nearly all "Bertrand …": "ber" is its commonest name fragment.
// Past ones were inserted first, so a pass in table order meets them before the upcoming ones;
// a walk from the newest examination meets the upcoming ones first.
const PAST = 2_700;
const UPCOMING = 300;
let id: IdOf;
let own: JobsDatabase;
const getDb = () => own.db;
// Letters only (digits are read as a phone number), and none of b, e, r: no other name here has "ber".
const nameTag = `q${Array.from({ length: 6 }, () => "acdfghijklmnopstuvwxyz"[Math.floor(Math.random() * 22)]).join("")}`;

async function insertExaminees(count: number, firstDate: Date, organization: "A" | "B", team: string | null) {
  const db = getDb();
  const [template] = await db
    .select()
    .from(bookings)
    .where(eq(bookings.organizationId, id(organization)))
    .limit(1);
  for (let start = 0; start < count; start += 500) {
    await db.insert(bookings).values(
      Array.from({ length: Math.min(500, count - start) }, (_, i) => {
        const bookingId = newId();
        return {
          ...template!,
          id: bookingId,
          acuityAppointmentId: `walk-${bookingId}`,
          examineeName: `Bertrand ${nameTag} ${start + i}`,
          teamId: team,
          // Booked by the owner, for nobody in particular: a member sees them by their team only.
          createdById: organization === "A" ? id("ownerA") : template!.createdById,
          createdForId: null,
          appointmentDate: new Date(firstDate.getTime() + (start + i) * 3_600_000),
          // Booked the day before (an examination is after its booking: valid_appointment_date).
          createdAt: new Date(firstDate.getTime() + (start + i) * 3_600_000 - 86_400_000),
          currentProgress: "scheduled" as const,
          status: "active" as const,
        };
      }),
    );
  }
}

beforeAll(async () => {
  own = await createJobsDatabase("ime_common_trigrams");
  ({ id } = await insertAuthzWorld({ withMemberships: true, examineeNameTag: nameTag, db: own.db }));
  // Team A2's past ones are not team A1's member's; team A1's upcoming ones are.
  await insertExaminees(PAST, new Date("2001-01-01T00:00:00Z"), "A", id("A2"));
  await insertExaminees(UPCOMING, new Date("2098-01-01T00:00:00Z"), "A", id("A1"));
  // Organization B's are the newest of all: not organization A's owner's to count.
  await insertExaminees(50, new Date("2099-06-01T00:00:00Z"), "B", null);
  // The statistics the walk is chosen by are ANALYZE's (autovacuum's, in production).
  await getDb().execute(sql`analyze bookings`);
}, 120_000);
afterAll(async () => {
  await own?.drop();
});

const ownerA = async () => (await loadActor(getDb(), id("ownerA"), null))!;
const options = (search: string) => ({ search, filters: { timeZone: "UTC" }, now: new Date() });

describe("a one-trigram search the statistics call common", () => {
  it("is counted by walking the owner's newest bookings: the tabs say what the newest 251 matches were", async () => {
    const owner = await ownerA();
    const budget = dateWalkBudget(
      await nameTrigramStatistics(getDb()),
      owner,
      "ber",
      { timeZone: "UTC" },
      SEARCH_COUNT_CAP,
    );
    expect(budget).toBeGreaterThan(SEARCH_COUNT_CAP);

    const counts = await countBookingViews(getDb(), owner, options("ber"), "all");
    expect(counts.all).toEqual({ total: 250, capped: true });
    // Upcoming reads "250+"; Past, whose 2,700 matches the walk did not reach, shows no number.
    expect(counts.upcoming).toEqual({ total: 250, capped: true });
    expect(counts.past).toEqual({ total: 0, capped: true });
  });

  it('walks a longer word whose every trigram is as common: "bertr" is counted as "ber" is', async () => {
    const owner = await ownerA();
    const statistics = await nameTrigramStatistics(getDb());
    expect(dateWalkBudget(statistics, owner, "bertr", { timeZone: "UTC" }, SEARCH_COUNT_CAP)).toBeGreaterThan(
      SEARCH_COUNT_CAP,
    );
    const counts = await countBookingViews(getDb(), owner, options("bertr"), "all");
    // The walk's reading, as for "ber": the newest 251 are upcoming; the trigram pass would have
    // met the 2,700 past ones first (inserted first) and read Past "250+".
    expect(counts.upcoming).toEqual({ total: 250, capped: true });
    expect(counts.past).toEqual({ total: 0, capped: true });
  });

  it("walks only what the viewer sees, and proves the cap only when the budget holds enough matches", async () => {
    const owner = await ownerA();
    const walk = (cap: number, budget: number) =>
      countSearchViewsByDateWalk(getDb(), owner, options("ber"), cap, budget);
    // Every match of organization A by tab, counted plainly: the copies, and fixture names like
    // "…ByMember1". B's 50 newer ones are not among them.
    const { rows } = await getDb().execute<{ tab: string; n: number }>(sql`
      select case when current_progress = 'cancelled' then 'cancelled'
                  when appointment_date >= now() then 'upcoming' else 'past' end as tab, count(*)::int as n
        from bookings
       where organization_id = ${id("A")} and status <> 'archived'
         and (examinee_name ilike '%ber%' or claim_number ilike '%ber%' or case_manager_reference ilike '%ber%')
       group by 1`);
    const of = (tab: string) => rows.find((r) => r.tab === tab)?.n ?? 0;
    const all = { upcoming: of("upcoming"), past: of("past"), cancelled: of("cancelled") };
    const total = all.upcoming + all.past + all.cancelled;
    expect(all.past).toBeGreaterThanOrEqual(PAST);
    expect(await walk(total - 1, 1_000_000)).toEqual(all);
    expect(await walk(total, 1_000_000)).toBeNull();
    // 100 bookings walked cannot hold 251 matches: the trigram pass counts instead.
    expect(await walk(SEARCH_COUNT_CAP, 100)).toBeNull();
  });

  it("walks a plain member's organization holding each booking to what they see", async () => {
    const member = (await loadActor(getDb(), id("memberA1"), null))!;
    // Their matches by tab, under the policy's condition (the trigram pass's).
    const tab = sql<string>`case when ${bookings.currentProgress} = 'cancelled' then 'cancelled'
      when ${bookings.appointmentDate} >= now() then 'upcoming' else 'past' end`;
    const rows = await getDb()
      .select({ tab, n: sql<number>`count(*)::int` })
      .from(bookings)
      .where(bookingListWhere(member, { search: "ber", view: "all" }))
      .groupBy(tab);
    const of = (name: string) => rows.find((r) => r.tab === name)?.n ?? 0;
    const theirs = { upcoming: of("upcoming"), past: of("past"), cancelled: of("cancelled") };
    expect(theirs.upcoming).toBeGreaterThanOrEqual(UPCOMING);
    expect(theirs.past).toBeLessThan(PAST);
    const total = theirs.upcoming + theirs.past + theirs.cancelled;
    const walk = (cap: number) => countSearchViewsByDateWalk(getDb(), member, options("ber"), cap, 1_000_000);
    expect(await walk(total - 1)).toEqual(theirs);
    expect(await walk(total)).toBeNull();
  });

  it("leaves a rarer fragment, and longer searches, to the trigram pass: exact where they fit under the cap", async () => {
    const owner = await ownerA();
    // "Bertrand <tag> 28", 280–289: eleven past and eleven upcoming of the owner's (and B's, not theirs).
    const counts = await countBookingViews(getDb(), owner, options(`${nameTag} 28`), "all");
    expect(counts.past).toEqual({ total: 11, capped: false });
    expect(counts.upcoming).toEqual({ total: 11, capped: false });
    expect(counts.all).toEqual({ total: 22, capped: false });
  });
});

describe("a search past its count's cap", () => {
  it("keeps one plan for its walked rows, though the statistics call the name common", async () => {
    // ANALYZE (above) knows nearly all of organization A's examinees are "Bertrand …": a plan made
    // for that pattern costs its walk to 26 matches at next to nothing — less than a kept plan blind
    // to the pattern — and PostgreSQL went on planning every call (1.2–1.9 ms a page at 1,000,000
    // bookings). Estimated as common whatever the pattern (testedOnRowsAsCommon), the kept plan
    // costs what each call's would, and is kept.
    const rowsStatements = await getDb().transaction(async (tx) => {
      const owner = (await loadActor(tx, id("ownerA"), null))!;
      for (let call = 0; call < 8; call++) {
        const page = await listBookingPageForViewer(
          tx,
          owner,
          parseBookingListParams({ view: "all", q: "bertrand" }),
          "UTC",
        );
        expect(page.totalIsCapped).toBe(true);
        expect(page.rows).toHaveLength(25);
        for (const row of page.rows) expect(row.examineeName).toMatch(/bertrand/i);
      }
      const { rows } = await tx.execute<{ generic_plans: number; custom_plans: number }>(
        sql`select generic_plans::int, custom_plans::int from pg_prepared_statements
             where statement like 'select "id"%' and statement like '%coalesce((%'`,
      );
      return rows;
    });
    expect(rowsStatements).toHaveLength(1);
    expect(rowsStatements[0]!.custom_plans + rowsStatements[0]!.generic_plans).toBe(8);
    expect(rowsStatements[0]!.generic_plans).toBeGreaterThan(0);
  });
});
