/**
 * What bench:bookings and bench:homes share: the generated shape (BENCH_SHAPE, BENCH_BOOKINGS),
 * the timing settings (BENCH_RUNS), and the database they time — generated on DATABASE_URL's
 * server and dropped afterwards, kept with BENCH_KEEP=1, or an existing one given as
 * BENCH_DATABASE_URL (migrated to the latest first, so new indexes and columns apply).
 */
import os from "node:os";
import { Pool } from "pg";
import { migrateDatabase } from "@/db/migrate";
import { createScratchDatabase } from "@/tests/support/scratch-database";
import { generateBookings, type BenchShape } from "./generate-bookings";

const LARGE = process.env.BENCH_SHAPE !== "small";
export const SHAPE: BenchShape = {
  bookings: Number(process.env.BENCH_BOOKINGS ?? 1_000_000),
  organizations: LARGE ? 3 : 200,
  specialists: LARGE ? 6 : 50,
  teamsPerOrganization: 4,
  membersPerOrganization: 12,
};
/** The organization whose people are the personas (the generator's ids). */
export const ORG = LARGE ? "o1" : "o7";
export const RUNS = Number(process.env.BENCH_RUNS ?? 40);
export const WARMUP = 5;

export const loadAverage = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const seconds = (since: number) => ((Date.now() - since) / 1000).toFixed(1);

/**
 * The database to time. `addData` runs after the bookings are generated (the homes' documents and
 * progress history); a failure drops the half-made database.
 */
export async function prepareBenchDatabase(
  name: string,
  addData?: (pool: Pool) => Promise<void>,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const existing = process.env.BENCH_DATABASE_URL;
  if (existing) {
    console.log(
      "data: the existing database at BENCH_DATABASE_URL (not generated here; migrated to the latest)",
    );
    await migrateDatabase(existing);
    return { url: existing, drop: async () => {} };
  }
  if (!process.env.DATABASE_URL)
    throw new Error(
      "Set DATABASE_URL to a Postgres server; the benchmark makes (and drops) its own database there.",
    );
  const scratch = await createScratchDatabase(name);
  await migrateDatabase(scratch.url);
  const pool = new Pool({ connectionString: scratch.url, max: 2 });
  try {
    let started = Date.now();
    await generateBookings(pool, SHAPE);
    console.log(
      `data: generated ${SHAPE.bookings.toLocaleString("en-US")} bookings, ${SHAPE.organizations} organizations × ${SHAPE.teamsPerOrganization} teams × ${SHAPE.membersPerOrganization} people, ${SHAPE.specialists} specialists in ${seconds(started)} s`,
    );
    if (addData) {
      started = Date.now();
      await addData(pool);
      console.log(`data: the rest added in ${seconds(started)} s`);
    }
  } catch (error) {
    await pool.end();
    await scratch.drop();
    throw error;
  }
  await pool.end();
  if (process.env.BENCH_KEEP === "1") {
    console.log(`data: kept (BENCH_KEEP=1) — time it again with BENCH_DATABASE_URL=${scratch.url}`);
    return { url: scratch.url, drop: async () => {} };
  }
  return scratch;
}
