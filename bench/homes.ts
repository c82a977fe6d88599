/**
 * `npx tsx bench/homes.ts`: the three homes' queries (lib/homes) at scale. Builds a scratch
 * database on DATABASE_URL's server (dropped afterwards) with bench/generate-bookings.ts — the
 * shape bench:bookings uses: 1,000,000 bookings over 3 organizations (≈ 333,000 each) and 6
 * specialists by default, BENCH_SHAPE=small for 200 organizations and 50 specialists — then adds
 * what the homes read and the generator does not write: documents (briefs and consent forms for
 * recent and upcoming examinations, a report for each report-ready booking) and progress history
 * (reschedules and cancellations, half of them by the specialist's side; "report ready" rows for
 * the turnaround chart — the database's trigger keeps each booking's last_progress_at and
 * report_ready_at from them as they are inserted, migration 0017). Times each home's queries for
 * its personas — the referrer home as a team member and as the organization's owner, the
 * specialist home as a specialist, the operations view as a
 * platform admin (the turnaround chart with its months kept, migration 0019, and in zones
 * where nothing is kept yet) — printing p50/p95 and each statement's EXPLAIN shape, flagging any sequential
 * scan of `bookings`. Target: p95 ≤ 50 ms per query. After a migration that rewrote many rows,
 * VACUUM (autovacuum) before timing: index-only scans need the visibility map.
 *
 *   BENCH_BOOKINGS (1,000,000), BENCH_RUNS (40), BENCH_SHAPE (large | small).
 *   BENCH_KEEP=1: keep the generated database (its URL is printed) instead of dropping it —
 *     generating 1,000,000 bookings takes minutes; time it again with BENCH_DATABASE_URL.
 *   BENCH_DATABASE_URL: time an already prepared database instead (migrated to the latest first,
 *     so new indexes and columns apply; nothing generated or dropped).
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { loadActor } from "@/lib/authz/load-actor";
import {
  bookingsPerWeekByStage,
  listOverdueBySpecialist,
  listTodaysExaminations,
  loadAdminHome,
  loadNeedsPerson,
} from "@/lib/homes/admin-home";
import { medianReportDaysBySpecialist } from "@/lib/homes/report-turnaround";
import {
  countBookingsByStage,
  listMissingPapers,
  listOverdueReports,
  listReadyReports,
  listSpecialistSideChanges,
  listUpcomingExaminations,
  loadReferrerHome,
} from "@/lib/homes/referrer-home";
import {
  listAttendanceToConfirm,
  listBriefsMissing,
  listOwedReports,
  loadSpecialistHome,
  loadSpecialistWeek,
  specialistZoneOf,
  weekStartFor,
} from "@/lib/homes/specialist-home";
import { loadAverage, ORG, prepareBenchDatabase, RUNS, WARMUP } from "./bench-database";
import { addHomeData } from "./home-data";
import { explainShape } from "./explain-shape";
import { describeMachine, percentile } from "./machine";

const TARGET_MS = 50;
/**
 * Timed and printed, not held to the target: the turnaround chart in a zone with nothing kept yet —
 * the first admin load in a zone (or after every month's reports changed), not what a page usually costs.
 */
const FIRST_LOAD_ONLY = new Set(["chart: median days, nothing kept yet"]);

async function main() {
  console.log(`machine: ${describeMachine()}; load average ${loadAverage()}`);
  const database = await prepareBenchDatabase("ime_bench_homes", addHomeData);
  // The homes run their queries side by side: as many connections as the widest home.
  const pool = new Pool({ connectionString: database.url, max: 6 });
  try {
    const {
      rows: [size],
    } = await pool.query<Record<string, string>>(
      `SELECT (SELECT count(*) FROM bookings) AS bookings,
              pg_size_pretty(pg_total_relation_size('bookings')) AS bytes,
              (SELECT count(*) FROM bookings WHERE organization_id = '${ORG}') AS org,
              (SELECT count(*) FROM bookings WHERE specialist_id = 's3') AS specialist,
              (SELECT count(*) FROM documents) AS documents,
              (SELECT count(*) FROM booking_progress) AS progress`,
    );
    console.log(
      `size: ${Number(size!.bookings).toLocaleString("en-US")} bookings (${size!.bytes} with indexes); organization ${ORG}: ${Number(size!.org).toLocaleString("en-US")}, specialist s3: ${Number(size!.specialist).toLocaleString("en-US")}; ${Number(size!.documents).toLocaleString("en-US")} documents, ${Number(size!.progress).toLocaleString("en-US")} progress rows`,
    );

    const captured: { sql: string; params: unknown[] }[] = [];
    const db = drizzle(pool, {
      schema,
      logger: { logQuery: (sql, params) => captured.push({ sql, params }) },
    });
    const now = new Date();
    const actor = async (userId: string) => {
      const loaded = await loadActor(db, userId, null);
      if (!loaded) throw new Error(`No bench user ${userId}`);
      return loaded;
    };
    const member = await actor(`u-${ORG}-2`);
    const owner = await actor(`u-${ORG}-0`);
    const specialist = await actor("u-s3");
    const admin = await actor("u-admin");
    const specialistZone = await specialistZoneOf(db, specialist);
    // Zones whose kept turnaround months (migration 0019) are cleared first: every run computes all six.
    const coldZones = Intl.supportedValuesOf("timeZone").filter(
      (zone) => zone.startsWith("America/") && zone !== "America/New_York",
    );
    let coldRun = 0;
    await pool.query("DELETE FROM report_turnaround_months WHERE time_zone = ANY($1)", [coldZones]);
    const thisWeek = weekStartFor(undefined, now, specialistZone);

    const referrerQueries = (viewer: Actor): Record<string, () => Promise<unknown>> => ({
      "counts by stage (7 capped counts)": () => countBookingsByStage(db, viewer),
      "upcoming 14 days (6 + capped count)": () => listUpcomingExaminations(db, viewer, now),
      "needs you: papers missing": () => listMissingPapers(db, viewer, now),
      "needs you: reports ready (+ newest report)": () => listReadyReports(db, viewer),
      "needs you: changed by the specialist's side": () => listSpecialistSideChanges(db, viewer, now),
      "needs you: overdue reports (+ zones)": () => listOverdueReports(db, viewer, now),
      "whole home, side by side": () => loadReferrerHome(db, viewer, now),
    });
    const homes: Record<string, Record<string, () => Promise<unknown>>> = {
      "referrer home — team member": referrerQueries(member),
      "referrer home — organization owner": referrerQueries(owner),
      "specialist home — specialist": {
        "this week (≤ 250 + capped count)": () =>
          loadSpecialistWeek(db, specialist, thisWeek, specialistZone, now),
        "reports owed, page 1": () => listOwedReports(db, specialist, now, 1),
        "reports owed, page 50": () => listOwedReports(db, specialist, now, 50),
        "briefs missing": () => listBriefsMissing(db, specialist, now),
        "attendance to confirm": () => listAttendanceToConfirm(db, specialist, now),
        "whole home, side by side": () => loadSpecialistHome(db, specialist, now, {}),
      },
      "operations view — platform admin": {
        "today's examinations (per-zone ranges)": () => listTodaysExaminations(db, admin, now),
        "overdue reports by specialist": () => listOverdueBySpecialist(db, admin, now),
        "webhooks and e-mails that need a person": () => loadNeedsPerson(db),
        "chart: per week by stage": () => bookingsPerWeekByStage(db, admin, now, "America/New_York"),
        "chart: median days to report": () =>
          medianReportDaysBySpecialist(db, admin, now, "America/New_York"),
        // Each run in a zone nothing is kept for: all six months computed, as on a zone's first load.
        "chart: median days, nothing kept yet": () =>
          medianReportDaysBySpecialist(db, admin, now, coldZones[coldRun++ % coldZones.length]!),
        "whole view, side by side": () => loadAdminHome(db, admin, now, "America/New_York"),
      },
    };

    console.log(
      `\ntiming: each query ${RUNS} runs after ${WARMUP} warm-up; target p95 ≤ ${TARGET_MS} ms, no sequential scan of bookings; load average ${loadAverage()}\n`,
    );
    let failures = 0;
    for (const [homeName, queries] of Object.entries(homes)) {
      console.log(`== ${homeName}`);
      for (const [queryName, run] of Object.entries(queries)) {
        const times: number[] = [];
        let statements: typeof captured = [];
        for (let i = 0; i < WARMUP + RUNS; i++) {
          captured.length = 0;
          const started = performance.now();
          await run();
          if (i >= WARMUP) times.push(performance.now() - started);
          statements = [...captured];
        }
        times.sort((a, b) => a - b);
        const lines: string[] = [];
        let seq = false;
        // The whole-home rows repeat the statements above; their plans are not printed twice.
        if (!queryName.startsWith("whole")) {
          for (const statement of statements) {
            const shape = await explainShape(pool, statement);
            seq ||= shape.seqScanOfBookings;
            lines.push(
              `       ${shape.seqScanOfBookings ? "SEQ SCAN OF BOOKINGS " : ""}${shape.shape || "(no table)"}`,
            );
          }
        }
        const p95 = percentile(times, 95);
        const informational = FIRST_LOAD_ONLY.has(queryName);
        const ok = (p95 <= TARGET_MS || informational) && !seq;
        if (!ok) failures++;
        console.log(
          `  ${seq ? "SEQ " : informational ? "info" : ok ? "ok  " : "SLOW"} ${queryName.padEnd(48)} p50 ${percentile(times, 50).toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms  (${statements.length} statements)`,
        );
        for (const line of lines) console.log(line);
      }
    }
    console.log(`\nload average at the end: ${loadAverage()}`);
    console.log(
      failures === 0
        ? "all home queries within target"
        : `${failures} queries over target or scanning bookings`,
    );
  } finally {
    await pool.end();
    await database.drop();
  }
}

await main();
