/**
 * The bookings list's tab counts are one named statement (count-bookings.ts), and PostgreSQL keeps
 * one plan for it after five calls only when the kept plan looks no dearer than the calls' own.
 * An organization with few upcoming bookings — fewer than the tab counts to — made each call's
 * own plan, which saw the instant, look cheaper, and every page planned its counts anew (issue 14).
 * In a database of its own: the benchmark's large-organization shape (most bookings past, as a
 * real book is), whose statistics the shared test database's cannot stand for.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import type { PoolClient } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { seedDemoData } from "@/db/seed/seed";
import { generateBookings } from "@/bench/generate-bookings";
import { loadActor } from "@/lib/authz/load-actor";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { createScratchDatabase, type ScratchDatabase } from "@/tests/support/scratch-database";

let scratch: ScratchDatabase;
let client: PoolClient;

beforeAll(async () => {
  scratch = await createScratchDatabase("ime_tab_count_plan");
  await migrateDatabase(scratch.url);
  const pool = scratch.pool(1);
  await seedDemoData(drizzle(pool, { schema }), buildDemoBookings(new Date()));
  // ≈ 2,100 bookings an organization, a few percent of them upcoming; analyzed by the generator.
  await generateBookings(pool, { kind: "large-org", bookings: 6_300 });
  client = await pool.connect();
});
afterAll(async () => {
  client?.release();
  await scratch.drop();
});

describe("the tabs' counts on a page of bookings", () => {
  it("are planned once per connection and then answered from the kept plan, for an owner with few upcoming bookings", async () => {
    // One connection, as a pooled one serves page after page: named statements live on it.
    const db = drizzle(client, { schema });
    const { rows: owners } = await client.query<{ id: string }>(
      "select id from users where email = 'owner@northwind.test'",
    );
    const owner = (await loadActor(db, owners[0]!.id, null))!;
    const pages = 8;
    const upcoming: number[] = [];
    for (let call = 0; call < pages; call++) {
      const page = await listBookingPageForViewer(db, owner, parseBookingListParams({}), "UTC");
      upcoming.push(page.viewCounts.upcoming.total);
    }
    // The counts themselves: the same on every call, and as many as the owner has upcoming.
    const { rows: expected } = await client.query<{ n: number }>(
      `select count(*)::int as n from bookings b join members m on m.organization_id = b.organization_id
        where m.user_id = $1 and b.appointment_date >= now() and b.current_progress <> 'cancelled'
          and b.status <> 'archived'`,
      [owner.userId],
    );
    expect([...new Set(upcoming)]).toEqual([Math.min(expected[0]!.n, 1_000)]);
    expect(expected[0]!.n).toBeGreaterThan(0);

    const { rows: statements } = await client.query<{ generic_plans: number; custom_plans: number }>(
      `select generic_plans::int, custom_plans::int from pg_prepared_statements
        where statement like 'select (select count(*)%'`,
    );
    expect(statements).toHaveLength(1);
    // The first five calls plan for themselves (PostgreSQL's rule); every later one is kept.
    expect(statements[0]).toEqual({ custom_plans: 5, generic_plans: pages - 5 });
  });
});
