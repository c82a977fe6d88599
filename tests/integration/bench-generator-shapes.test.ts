/**
 * The benchmark's data generator (bench/generate-bookings.ts) makes the shapes the benchmarks
 * claim: the large-organization shape over the demo world (bookings split evenly over its 3
 * organizations and 6 specialists, teams booked by their own people, due days from the
 * database's rule) and the many-small-organizations shape. Each in a database of its own — the
 * generator drops and rebuilds the bookings indexes, which the shared test database must not see.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import type { Pool } from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { seedDemoData } from "@/db/seed/seed";
import { generateBookings, PREFIX } from "@/bench/generate-bookings";
import { createScratchDatabase, type ScratchDatabase } from "@/tests/support/scratch-database";

const counts = async (pool: Pool, sql: string) =>
  (await pool.query<{ key: string; n: string }>(sql)).rows.map((row) => Number(row.n));

describe("large-organization shape", () => {
  let scratch: ScratchDatabase;
  let pool: Pool;
  let demoBookings = 0;
  // A multiple of 210, so every split (by 3, 5 and 7 × 6) comes out whole.
  const GENERATED = 6_300;

  beforeAll(async () => {
    scratch = await createScratchDatabase("ime_bench_shape");
    await migrateDatabase(scratch.url);
    pool = scratch.pool(4);
    await seedDemoData(drizzle(pool, { schema }), buildDemoBookings(new Date()));
    demoBookings = Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM bookings")).rows[0]!.n);
    await generateBookings(pool, { kind: "large-org", bookings: GENERATED });
  });
  afterAll(async () => {
    await scratch.drop(); // ends the pool first
  });

  // The generator's ids are 'bl' and a number; a demo booking's random id may start with "bl" too
  // (1 in 1,296 each — CI met one), so the digits are part of the mark.
  const generated = "b.id ~ '^bl[0-9]+$'";

  it("adds the bookings to the demo world, split evenly over its 3 organizations and 6 specialists", async () => {
    const total = Number((await pool.query<{ n: string }>("SELECT count(*) AS n FROM bookings")).rows[0]!.n);
    expect(total).toBe(demoBookings + GENERATED);
    expect(
      await counts(
        pool,
        `SELECT organization_id AS key, count(*) AS n FROM bookings b WHERE ${generated} GROUP BY 1`,
      ),
    ).toEqual([2_100, 2_100, 2_100]);
    expect(
      await counts(
        pool,
        `SELECT specialist_id AS key, count(*) AS n FROM bookings b WHERE ${generated} GROUP BY 1`,
      ),
    ).toEqual([1_050, 1_050, 1_050, 1_050, 1_050, 1_050]);
  });

  it("books a team's bookings by that team's people and the rest by the organization's owner", async () => {
    const {
      rows: [wrong],
    } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM bookings b
        WHERE ${generated} AND NOT (
          CASE WHEN b.team_id IS NULL
            THEN EXISTS (SELECT 1 FROM members m WHERE m.organization_id = b.organization_id AND m.user_id = b.created_by_id AND m.role = 'owner')
            ELSE EXISTS (SELECT 1 FROM teams t JOIN team_members tm ON tm.team_id = t.id
                          WHERE t.id = b.team_id AND t.organization_id = b.organization_id AND tm.user_id = b.created_by_id)
          END)`,
    );
    expect(Number(wrong!.n)).toBe(0);
    const {
      rows: [split],
    } = await pool.query<{ no_team: string }>(
      `SELECT count(*) FILTER (WHERE team_id IS NULL) AS no_team FROM bookings b WHERE ${generated}`,
    );
    expect(Number(split!.no_team)).toBe(GENERATED / 5);
  });

  it("spreads them over past and future with the stages a booking has at that time, and gives most a claim number", async () => {
    const {
      rows: [spread],
    } = await pool.query<{
      future: string;
      future_done: string;
      past_open: string;
      claims: string;
      due_wrong: string;
    }>(
      `SELECT count(*) FILTER (WHERE appointment_date > now()) AS future,
              count(*) FILTER (WHERE appointment_date > now() AND current_progress NOT IN ('scheduled', 'rescheduled', 'cancelled')) AS future_done,
              count(*) FILTER (WHERE appointment_date < now() AND current_progress IN ('scheduled', 'rescheduled')) AS past_open,
              count(claim_number) AS claims,
              count(*) FILTER (WHERE report_due_on IS DISTINCT FROM booking_report_due_on(appointment_date, specialist_id, organization_id)) AS due_wrong
         FROM bookings b WHERE ${generated}`,
    );
    expect(Number(spread!.future)).toBeGreaterThan(GENERATED * 0.05);
    expect(Number(spread!.future)).toBeLessThan(GENERATED * 0.2);
    expect(Number(spread!.future_done)).toBe(0);
    expect(Number(spread!.past_open)).toBe(0);
    expect(Number(spread!.claims)).toBe((GENERATED * 3) / 5);
    expect(Number(spread!.due_wrong)).toBe(0);
  });

  it("gives each first name every surname prefix, as real names do (a search's walk meets matches spread over the alphabet)", async () => {
    const prefixPattern = `^(${PREFIX.join("|")})`;
    const {
      rows: [pairs],
    } = await pool.query<{ first_names: string; pairs: string; ma_first_letters: string }>(
      `SELECT count(DISTINCT split_part(examinee_name, ' ', 1)) AS first_names,
              count(DISTINCT (split_part(examinee_name, ' ', 1), substring(split_part(examinee_name, ' ', 2) FROM $1))) AS pairs,
              count(DISTINCT left(examinee_name, 1)) FILTER (WHERE examinee_name ILIKE '%ma%') AS ma_first_letters
         FROM bookings b WHERE ${generated}`,
      [prefixPattern],
    );
    expect(Number(pairs!.first_names)).toBe(20);
    // 20 first names × 20 prefixes: every pair is there.
    expect(Number(pairs!.pairs)).toBe(400);
    // "ma" (in Maria, and in the prefix Mac) is found under every first name's letter, not one or two.
    expect(Number(pairs!.ma_first_letters)).toBeGreaterThan(10);
  });

  it("leaves the bookings indexes as the migrations made them", async () => {
    const {
      rows: [indexes],
    } = await pool.query<{ n: string }>(
      "SELECT count(*) AS n FROM pg_indexes WHERE tablename = 'bookings' AND indexname = 'idx_bookings_report_owed_specialist'",
    );
    expect(Number(indexes!.n)).toBe(1);
  });
});

describe("many-small-organizations shape", () => {
  it("makes its own organizations and specialists and splits the bookings evenly over them", async () => {
    const scratch = await createScratchDatabase("ime_bench_shape");
    const pool = scratch.pool(4);
    try {
      await migrateDatabase(scratch.url);
      await generateBookings(pool, {
        bookings: 1_200,
        organizations: 4,
        specialists: 3,
        teamsPerOrganization: 2,
        membersPerOrganization: 5,
      });
      expect(
        await counts(
          pool,
          "SELECT organization_id AS key, count(*) AS n FROM bookings GROUP BY 1 ORDER BY 1",
        ),
      ).toEqual([300, 300, 300, 300]);
      expect(
        await counts(pool, "SELECT specialist_id AS key, count(*) AS n FROM bookings GROUP BY 1 ORDER BY 1"),
      ).toEqual([400, 400, 400]);
    } finally {
      await scratch.drop(); // ends the pool first
    }
  });
});
