/**
 * `npm run bench:bookings`: the bookings-list query at scale. Builds a scratch database on
 * DATABASE_URL's server (dropped afterwards) with 1,000,000 bookings over 200 organizations
 * and 50 specialists, then times the real list + count functions of the bookings table as a
 * referrer (member), an organization admin, a specialist and a platform admin — first page,
 * a deep page, a name search, a two-letter (word start) search, a phone search and a filtered
 * sort — and prints p50/p95 with
 * each query's EXPLAIN shape. Target: p95 < 50 ms, no sequential scan of `bookings`.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import { migrateDatabase } from "@/db/migrate";
import { loadActor } from "@/lib/authz/load-actor";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { createScratchDatabase } from "@/tests/support/scratch-database";
import { generateBookings, type BenchShape } from "./generate-bookings";
import { planShape } from "./explain-shape";
import { describeMachine, percentile } from "./machine";

const SHAPE: BenchShape = {
  bookings: Number(process.env.BENCH_BOOKINGS ?? 1_000_000),
  organizations: 200,
  specialists: 50,
  teamsPerOrganization: 4,
  membersPerOrganization: 12,
};
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = 5;

async function main() {
  if (!process.env.DATABASE_URL)
    throw new Error(
      "Set DATABASE_URL to a Postgres server; the benchmark makes (and drops) its own database there.",
    );
  console.log(`machine: ${describeMachine()}`);
  const scratch = await createScratchDatabase("ime_bench");
  const pool = new Pool({ connectionString: scratch.url, max: 4 });
  try {
    await migrateDatabase(scratch.url);
    let started = Date.now();
    await generateBookings(pool, SHAPE);
    const {
      rows: [size],
    } = await pool.query<{ n: string; bytes: string }>(
      "SELECT count(*) AS n, pg_size_pretty(pg_total_relation_size('bookings')) AS bytes FROM bookings",
    );
    console.log(
      `data: ${Number(size!.n).toLocaleString("en-US")} bookings (${size!.bytes} with indexes), ${SHAPE.organizations} organizations × ${SHAPE.teamsPerOrganization} teams × ${SHAPE.membersPerOrganization} people, ${SHAPE.specialists} specialists; generated in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );

    // Capture the SQL each call sends, to EXPLAIN exactly what ran.
    const captured: { sql: string; params: unknown[] }[] = [];
    const db = drizzle(pool, {
      schema,
      logger: { logQuery: (sql, params) => captured.push({ sql, params }) },
    });
    const {
      rows: [sample],
    } = await pool.query<{ examinee_phone: string; examinee_name: string }>(
      "SELECT examinee_phone, examinee_name FROM bookings WHERE organization_id = 'o7' AND team_id = 't7-2' LIMIT 1",
    );
    const lastName = sample!.examinee_name.split(" ").at(-1)!;
    const phoneDigits = sample!.examinee_phone.slice(4, 11);
    const personas = {
      "referrer (member)": await loadActor(db, "u-o7-2", null), // member of team t7-2
      "organization admin": await loadActor(db, "u-o7-1", null),
      specialist: await loadActor(db, "u-s3", null),
      "platform admin": await loadActor(db, "u-admin", null),
    };
    const today = new Date().toISOString().slice(0, 10);
    const in90 = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
    const queries: Record<string, Record<string, string>> = {
      "first page": {},
      "deep page (200 × 25)": { page: "200" },
      [`name search "${lastName.slice(1, 7).toLowerCase()}"`]: { q: lastName.slice(1, 7).toLowerCase() },
      // Two letters search the start of a word: a common start, then "ok" — one surname in twenty
      // (Okoye, …) overall but none in most personas' scopes, the planner's worst case.
      [`two-letter search "${lastName.slice(0, 2).toLowerCase()}"`]: {
        q: lastName.slice(0, 2).toLowerCase(),
      },
      ['two-letter search "ok" (absent from the scope)']: { q: "ok" },
      [`phone search "${phoneDigits.slice(0, 3)}-${phoneDigits.slice(3)}"`]: {
        q: `${phoneDigits.slice(0, 3)}-${phoneDigits.slice(3)}`,
      },
      "filtered sort (upcoming 90 d, scheduled/rescheduled, by examinee)": {
        progress: "scheduled,rescheduled",
        from: today,
        to: in90,
        sort: "examineeName.asc",
      },
    };

    console.log(
      `\nstate machine: progress scheduled → rescheduled* → no_show | generating_report → report_generated → payment_received, cancelled before the exam`,
    );
    console.log(
      `timing: listBookingPageForViewer (page rows + capped count, run together), ${RUNS} runs after ${WARMUP} warm-up; target p95 < 50 ms\n`,
    );
    let failures = 0;
    for (const [personaName, actor] of Object.entries(personas)) {
      console.log(`== ${personaName}`);
      for (const [queryName, params] of Object.entries(queries)) {
        const state = parseBookingListParams(params);
        const times: number[] = [];
        let total = 0;
        for (let i = 0; i < WARMUP + RUNS; i++) {
          captured.length = 0;
          started = performance.now();
          const page = await listBookingPageForViewer(db, actor!, state, "America/New_York");
          if (i >= WARMUP) times.push(performance.now() - started);
          total = page.total;
        }
        times.sort((a, b) => a - b);
        const shapes: string[] = [];
        let seq = false;
        for (const query of captured) {
          const { rows } = await pool.query(`EXPLAIN (FORMAT JSON) ${query.sql}`, query.params);
          const shape = planShape(
            (rows[0]["QUERY PLAN"] as { Plan: Parameters<typeof planShape>[0] }[])[0]!.Plan,
          );
          seq ||= shape.seqScanOfBookings;
          shapes.push(shape.shape);
        }
        const p95 = percentile(times, 95);
        const ok = p95 < 50 && !seq;
        if (!ok) failures++;
        console.log(
          `  ${ok ? "ok  " : "SLOW"} ${queryName.padEnd(66)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  (${total.toLocaleString("en-US")} rows)`,
        );
        console.log(`       list:  ${shapes[0]}`);
        console.log(`       count: ${shapes[1]}`);
      }
    }
    console.log(
      failures === 0
        ? "\nall queries within target"
        : `\n${failures} queries over target or scanning bookings sequentially`,
    );
  } finally {
    await pool.end();
    await scratch.drop();
  }
}

await main();
