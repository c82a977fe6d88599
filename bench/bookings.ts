/**
 * `npm run bench:bookings`: the bookings list at scale, at the SQL level. Builds a scratch
 * database on DATABASE_URL's server (dropped afterwards) and times the real functions behind
 * /bookings — listBookingPageForViewer: the page's rows (with document indicators) and the capped
 * counts of the Upcoming, Past and Cancelled tabs, run together as the page runs them — as a
 * referrer (member), an organization owner, a specialist and a platform admin, for every shape
 * people meet: each view's first page, deep pages, a name search, a two-letter search, a phone
 * and a claim-number search, a progress filter, date ascending, and filters combined with a
 * search. Prints p50/p95 per shape and the EXPLAIN shape of every list and count, flagging any
 * sequential scan of `bookings`. Target: p95 < 50 ms per page of queries, no sequential scan.
 *
 *   BENCH_SHAPE=large (default): 3 organizations (≈ 333,000 bookings each) and 6 specialists
 *     (≈ 170,000 each) — a large insurer's book; BENCH_SHAPE=small: 200 organizations and 50
 *     specialists (the earlier benchmark's many small organizations).
 *   BENCH_BOOKINGS (1,000,000), BENCH_RUNS (40).
 *   BENCH_DATABASE_URL: time an already generated database instead (migrated to the latest first;
 *     nothing is created or dropped). The database is prepared by bench/bench-database.ts.
 *   BENCH_KEEP=1: keep the generated database and print its URL, to pass as BENCH_DATABASE_URL
 *     next time (a million rows take minutes to generate; iterate on indexes against one copy).
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import { loadActor } from "@/lib/authz/load-actor";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { loadAverage, ORG, prepareBenchDatabase, RUNS, WARMUP } from "./bench-database";
import { explainShape } from "./explain-shape";
import { describeMachine, percentile } from "./machine";

/**
 * What each captured statement is: the list, then the counts — three tab counts, or a search's one
 * pass over all tabs (followed by the three when its matches are more than the cap).
 */
const labels = (statements: number): string[] =>
  statements === 2
    ? ["list", "counts of all tabs (one pass)"]
    : statements === 5
      ? ["list", "counts in one pass (over the cap)", "count upcoming", "count past", "count cancelled"]
      : ["list", "count upcoming", "count past", "count cancelled"];

async function main() {
  console.log(`machine: ${describeMachine()}; load average ${loadAverage()}`);
  const database = await prepareBenchDatabase("ime_bench");
  // As many connections as the page uses at once (rows + three counts).
  const pool = new Pool({ connectionString: database.url, max: 4 });
  try {
    const {
      rows: [size],
    } = await pool.query<{ n: string; bytes: string; orgs: string; biggest: string; specialist: string }>(
      `SELECT (SELECT count(*) FROM bookings) AS n,
              pg_size_pretty(pg_total_relation_size('bookings')) AS bytes,
              (SELECT count(DISTINCT organization_id) FROM bookings) AS orgs,
              (SELECT count(*) FROM bookings WHERE organization_id = '${ORG}') AS biggest,
              (SELECT count(*) FROM bookings WHERE specialist_id = 's3') AS specialist`,
    );
    console.log(
      `size: ${Number(size!.n).toLocaleString("en-US")} bookings (${size!.bytes} with indexes) in ${size!.orgs} organizations; organization ${ORG}: ${Number(size!.biggest).toLocaleString("en-US")}, specialist s3: ${Number(size!.specialist).toLocaleString("en-US")}`,
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
      `SELECT examinee_phone, examinee_name FROM bookings WHERE organization_id = '${ORG}' AND team_id = 't${ORG.slice(1)}-2' LIMIT 1`,
    );
    // A claim number on one booking of the organization: the search must find it without a scan.
    // Three examinees named "Qi …" (no generated name has a word starting "Qi"): a rare two-letter
    // search, which must not walk the organization past rows that do not match. Each planted row
    // is team-less and given specialist s3, so all four personas see it (s3 has no bookings of
    // this organization otherwise), and planted once, so a kept database gives the same figures.
    const plant = (set: string, marker: string, count: number) =>
      pool.query(
        `UPDATE bookings SET ${set}, specialist_id = 's3'
          WHERE id IN (SELECT id FROM bookings WHERE organization_id = '${ORG}' AND team_id IS NULL AND status = 'active' ORDER BY id LIMIT ${count})
            AND NOT EXISTS (SELECT 1 FROM bookings WHERE ${marker})`,
      );
    await plant(
      `claim_number = 'CLM-BENCH-4711', case_manager_reference = 'CM-BENCH-88'`,
      `claim_number = 'CLM-BENCH-4711'`,
      1,
    );
    await plant(`examinee_name = 'Qi Bench-' || id`, `examinee_name LIKE 'Qi Bench-%'`, 3);
    const lastName = sample!.examinee_name.split(" ").at(-1)!;
    const phoneDigits = sample!.examinee_phone.slice(4, 11);
    const personas = {
      "referrer (member)": await loadActor(db, `u-${ORG}-2`, null), // member of team t…-2
      "organization owner": await loadActor(db, `u-${ORG}-0`, null),
      specialist: await loadActor(db, "u-s3", null),
      "platform admin": await loadActor(db, "u-admin", null),
    };
    const two = lastName.slice(0, 2).toLowerCase();
    const queries: Record<string, Record<string, string>> = {
      "upcoming, first page (the default)": {},
      "past, first page": { view: "past" },
      "cancelled, first page": { view: "cancelled" },
      "all, first page": { view: "all" },
      "past, deep page (200 × 25)": { view: "past", page: "200" },
      "all, deep page (200 × 25)": { view: "all", page: "200" },
      "all, sorted by date ascending": { view: "all", sort: "appointmentDate.asc" },
      "past, sorted by date ascending": { view: "past", sort: "appointmentDate.asc" },
      [`all, name search "${lastName.slice(1, 7).toLowerCase()}"`]: {
        view: "all",
        q: lastName.slice(1, 7).toLowerCase(),
      },
      [`all, two-letter search "${two}"`]: { view: "all", q: two },
      ['all, two-letter search "qi" (3 bookings)']: { view: "all", q: "qi" },
      [`upcoming, phone search "${phoneDigits.slice(0, 3)}-${phoneDigits.slice(3)}"`]: {
        q: `${phoneDigits.slice(0, 3)}-${phoneDigits.slice(3)}`,
      },
      ['all, claim number search "bench-4711"']: { view: "all", q: "bench-4711" },
      ["all, progress filter (generating report)"]: { view: "all", progress: "generating_report" },
      ["past, progress filter (no-show)"]: { view: "past", progress: "no_show" },
      ["upcoming, progress filter (rescheduled)"]: { progress: "rescheduled" },
      ["all, progress filter (2 stages), date ascending"]: {
        view: "all",
        progress: "report_generated,payment_received",
        sort: "appointmentDate.asc",
      },
      [`past, telehealth + progress + name search "${lastName.slice(1, 5).toLowerCase()}"`]: {
        view: "past",
        type: "telehealth",
        progress: "report_generated",
        q: lastName.slice(1, 5).toLowerCase(),
      },
      ["all, by examinee name (A→Z)"]: { view: "all", sort: "examineeName.asc" },
      ["upcoming, by examinee name (Z→A)"]: { sort: "examineeName.desc" },
    };

    console.log(
      `\ntiming: listBookingPageForViewer — the page's rows with document indicators and three capped counts (upcoming, past, cancelled; All is their sum), run together on ${4} connections; ${RUNS} runs after ${WARMUP} warm-up; target p95 < 50 ms; load average at start ${loadAverage()}\n`,
    );
    let failures = 0;
    let seqScans = 0;
    for (const [personaName, actor] of Object.entries(personas)) {
      console.log(`== ${personaName}`);
      for (const [queryName, params] of Object.entries(queries)) {
        const state = parseBookingListParams(params);
        const times: number[] = [];
        let total = "";
        let statements: { sql: string; params: unknown[] }[] = [];
        for (let i = 0; i < WARMUP + RUNS; i++) {
          captured.length = 0;
          const started = performance.now();
          const page = await listBookingPageForViewer(db, actor!, state, "America/New_York");
          if (i >= WARMUP) times.push(performance.now() - started);
          total = `${page.total.toLocaleString("en-US")}${page.totalIsCapped ? "+" : ""}`;
          statements = [...captured];
        }
        times.sort((a, b) => a - b);
        const lines: string[] = [];
        let seq = false;
        for (const [i, query] of statements.entries()) {
          const shape = await explainShape(pool, query);
          seq ||= shape.seqScanOfBookings;
          const label = labels(statements.length)[i];
          lines.push(`       ${shape.seqScanOfBookings ? "SEQ SCAN " : ""}${label}: ${shape.shape}`);
        }
        if (seq) seqScans++;
        const p95 = percentile(times, 95);
        const ok = p95 < 50 && !seq;
        if (!ok) failures++;
        console.log(
          `  ${ok ? "ok  " : seq ? "SEQ " : "SLOW"} ${queryName.padEnd(60)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  (${total} rows)`,
        );
        for (const line of lines) console.log(line);
      }
    }
    console.log(`\nload average at the end: ${loadAverage()}`);
    console.log(
      failures === 0
        ? "all shapes within target, no sequential scan of bookings"
        : `${failures} shapes over target (${seqScans} with a sequential scan of bookings)`,
    );
  } finally {
    await pool.end();
    await database.drop();
  }
}

await main();
