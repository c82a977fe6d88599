/**
 * A named statement (db/named-statement.ts) keeps one plan after five calls only when the kept plan
 * looks no dearer than the calls' own, and a call's own plan that sees a time bound may judge it
 * cheaper — then PostgreSQL plans it again on every page, to the same plan (issue 14). Seen: the
 * bookings list's tab counts for an organization with fewer upcoming bookings than the tabs count
 * to; the owner's overdue reports; the specialist's owed reports. Their time bounds are hidden from
 * the planner (hiddenFromPlanner), and every statement a page or home runs must be kept — the
 * admin's operations view too, whose lists ran unnamed and were planned on every view.
 * In a database of its own: the benchmark's large-organization shape (most bookings past, as a
 * real book is), whose statistics the shared test database's cannot stand for.
 */
import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import type { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { seedDemoData } from "@/db/seed/seed";
import { generateBookings } from "@/bench/generate-bookings";
import { loadActor } from "@/lib/authz/load-actor";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { COUNT_CAP } from "@/lib/homes/shared";
import { loadReferrerHome } from "@/lib/homes/referrer-home";
import { loadSpecialistHome } from "@/lib/homes/specialist-home";
import { loadAdminHome } from "@/lib/homes/admin-home";
import { createScratchDatabase, type ScratchDatabase } from "@/tests/support/scratch-database";

let scratch: ScratchDatabase;
/**
 * One connection, never closed for idleness, as a pooled one serves page after page under load:
 * named statements live on it. (A pool of one, not a client held: the homes query side by side.)
 */
let pool: Pool;

beforeAll(async () => {
  scratch = await createScratchDatabase("ime_kept_plans");
  await migrateDatabase(scratch.url);
  pool = scratch.pool(1, { idleTimeoutMillis: 0 });
  await seedDemoData(drizzle(pool, { schema }), buildDemoBookings(new Date()));
  // ≈ 2,100 bookings an organization, a few percent of them upcoming; analyzed by the generator.
  await generateBookings(pool, { kind: "large-org", bookings: 6_300 });
});
afterAll(async () => {
  await scratch.drop();
});

/** Each page or home is loaded this many times on the one connection: five own plans, then kept ones. */
const CALLS = 8;

/** The demo login's actor, on the test's one connection. */
async function actorOf(email: string) {
  const { rows } = await pool.query<{ id: string }>("select id from users where email = $1", [email]);
  return (await loadActor(drizzle(pool, { schema }), rows[0]!.id, null))!;
}

/**
 * `load` called CALLS times on the test's one connection, its named statements dropped first (each
 * case's own are then the ones called CALLS times): what the calls showed, each distinct value once.
 */
async function shownOnEveryCall<Shown>(load: (db: NodePgDatabase<typeof schema>) => Promise<Shown>) {
  await pool.query("deallocate all");
  const db = drizzle(pool, { schema });
  const shown = new Set<string>();
  for (let call = 0; call < CALLS; call++) shown.add(JSON.stringify(await load(db)));
  return [...shown].map((text) => JSON.parse(text) as Shown);
}

/** How each statement prepared on the connection was planned. */
const plans = async () =>
  (
    await pool.query<{ statement: string; generic_plans: number; custom_plans: number }>(
      "select statement, generic_plans::int, custom_plans::int from pg_prepared_statements",
    )
  ).rows;

/**
 * Every statement called CALLS times — at least `atLeast` of them — was planned for the first five
 * calls only (PostgreSQL's rule), then kept.
 */
async function expectAllKept(atLeast: number) {
  const called = (await plans()).filter((row) => row.generic_plans + row.custom_plans === CALLS);
  expect(called.length).toBeGreaterThanOrEqual(atLeast);
  for (const row of called) {
    expect({
      plans: { custom: row.custom_plans, generic: row.generic_plans },
      statement: row.statement,
    }).toEqual({
      plans: { custom: 5, generic: CALLS - 5 },
      statement: row.statement,
    });
  }
}

describe("the tabs' counts on a page of bookings", () => {
  it("are planned once per connection and then answered from the kept plan, for an owner with few upcoming bookings", async () => {
    const owner = await actorOf("owner@northwind.test");
    const upcoming = await shownOnEveryCall(
      async (db) =>
        (await listBookingPageForViewer(db, owner, parseBookingListParams({}), "UTC")).viewCounts.upcoming
          .total,
    );
    // The counts themselves: the same on every call, and as many as the owner has upcoming.
    const { rows: expected } = await pool.query<{ n: number }>(
      `select count(*)::int as n from bookings b join members m on m.organization_id = b.organization_id
        where m.user_id = $1 and b.appointment_date >= now() and b.current_progress <> 'cancelled'
          and b.status <> 'archived'`,
      [owner.userId],
    );
    expect(upcoming).toEqual([Math.min(expected[0]!.n, 1_000)]);
    expect(expected[0]!.n).toBeGreaterThan(0);

    const { rows: statements } = await pool.query<{ generic_plans: number; custom_plans: number }>(
      `select generic_plans::int, custom_plans::int from pg_prepared_statements
        where statement like 'select (select count(*)%'`,
    );
    expect(statements).toHaveLength(1);
    // The first five calls plan for themselves (PostgreSQL's rule); every later one is kept.
    expect(statements[0]).toEqual({ custom_plans: 5, generic_plans: CALLS - 5 });
    // And so is the page's rows statement (the session, the bell and the filter choices are the
    // page's other statements, run by the layout and the page, not by this function).
    await expectAllKept(2);
  });
});

describe("the homes at a large organization's size", () => {
  it("the owner's home keeps every plan, its overdue reports counted as the rule says", async () => {
    const owner = await actorOf("owner@northwind.test");
    const overdue = await shownOnEveryCall(
      async (db) => (await loadReferrerHome(db, owner, new Date())).overdue.total,
    );
    // Overdue: owed, and the due day before the specialist's today in their calendar's zone.
    const { rows: expected } = await pool.query<{ n: number }>(
      `select count(*)::int as n from bookings b join specialists s on s.id = b.specialist_id
         join members m on m.organization_id = b.organization_id
        where m.user_id = $1 and b.status = 'active'
          and b.current_progress in ('scheduled', 'rescheduled', 'generating_report')
          and b.report_due_on < examination_local_date(now(), s.timezone)`,
      [owner.userId],
    );
    expect(expected[0]!.n).toBeGreaterThan(0);
    expect(overdue).toEqual([Math.min(expected[0]!.n, COUNT_CAP)]);
    await expectAllKept(6);
  });

  it("the specialist's home keeps every plan, the reports they owe listed and counted", async () => {
    const specialist = await actorOf("amelia.hart@specialists.test");
    const owed = await shownOnEveryCall(async (db) => {
      const home = await loadSpecialistHome(db, specialist, new Date(), {});
      return { total: home.owed.total, first: home.owed.rows.map((row) => row.id) };
    });
    // Owed: active, and the report in progress or the examination's time passed without one.
    const { rows: expected } = await pool.query<{ n: number }>(
      `select count(*)::int as n from bookings
        where specialist_id = any($1) and status = 'active'
          and (current_progress = 'generating_report'
               or (current_progress in ('scheduled', 'rescheduled') and appointment_date <= now()))`,
      [specialist.specialistIds],
    );
    expect(expected[0]!.n).toBeGreaterThan(0);
    expect(owed).toHaveLength(1);
    expect(owed[0]!.total).toBe(Math.min(expected[0]!.n, COUNT_CAP));
    await expectAllKept(6);
  });

  it("the admin's operations view keeps every plan, overdue reports counted per specialist", async () => {
    const admin = await actorOf("admin@ime.test");
    const overdue = await shownOnEveryCall(async (db) =>
      (await loadAdminHome(db, admin, new Date(), "America/Chicago")).overdueBySpecialist.map(
        (row) => [row.specialistId, { overdue: row.overdue, capped: row.capped }] as const,
      ),
    );
    const { rows: expected } = await pool.query<{ id: string; n: number }>(
      `select s.id, count(*)::int as n from bookings b join specialists s on s.id = b.specialist_id
        where b.status = 'active' and b.current_progress in ('scheduled', 'rescheduled', 'generating_report')
          and b.report_due_on < examination_local_date(now(), s.timezone)
        group by s.id`,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(overdue).toHaveLength(1);
    expect(new Map(overdue[0]!)).toEqual(
      new Map(
        expected.map((row) => [row.id, { overdue: Math.min(row.n, COUNT_CAP), capped: row.n > COUNT_CAP }]),
      ),
    );
    await expectAllKept(5);
  });
});
