/**
 * `npm run bench:list-sweep`: every combination of the bookings list a person can click — each
 * persona × view × sort × one filter or a deep page — run in-process against a kept bench:http
 * database, each statement the page sends EXPLAIN ANALYZEd, and the combinations whose PostgreSQL
 * execution passes a threshold printed, slowest first. bench:http loads the shapes the issue
 * named; this finds the ones nobody named (issue 14: Upcoming and Past sorted by progress walked
 * every cancelled booking of the scope — an administrator's Past by progress 31 ms, found this way).
 *
 *   BENCH_DATABASE_URL   the database (from `BENCH_KEEP_DATABASE=1 npm run bench:http`); required
 *   BENCH_SWEEP_MIN_MS   print combinations whose statements took more than this together (10)
 *   BENCH_PERSONAS       comma list of referrer,owner,specialist,admin (all)
 *
 * Figures are EXPLAIN ANALYZE's execution times of each statement planned for its one call (the
 * portal keeps named statements' plans after five calls — db/named-statement.ts — so a kept plan
 * may differ), on a quiet machine: one connection, nothing else running.
 */
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import { loadActor } from "@/lib/authz/load-actor";
import { parseBookingListParams } from "@/lib/bookings/booking-list-params";
import { listBookingPageForViewer } from "@/lib/bookings/list-booking-page";
import { describeMachine } from "./machine";

const DATABASE_URL = process.env.BENCH_DATABASE_URL;
const MIN_MS = Number(process.env.BENCH_SWEEP_MIN_MS ?? 10);
const PERSONAS: Record<string, string> = {
  referrer: "motor@northwind.test",
  owner: "owner@northwind.test",
  specialist: "amelia.hart@specialists.test",
  admin: "admin@ime.test",
};
const VIEWS = ["upcoming", "past", "cancelled", "all"];
const SORTS = [
  "appointmentDate.desc",
  "appointmentDate.asc",
  "examineeName.asc",
  "examineeName.desc",
  "specialist.asc",
  "progress.asc",
  "progress.desc",
  "createdAt.desc",
  "createdAt.asc",
];
/** None, one filter of each kind (the rare ones a scope barely holds among them), a deep page. */
const EXTRAS = [
  "",
  "status=closed",
  "status=archived",
  "type=telehealth",
  "progress=payment_received",
  "progress=scheduled",
  "source=acuity",
  "page=40",
];
const ZONE = "America/Chicago";
const print = (line = "") => process.stdout.write(`${line}\n`);

if (!DATABASE_URL) {
  print("BENCH_DATABASE_URL is required: a database kept by `BENCH_KEEP_DATABASE=1 npm run bench:http`.");
  process.exit(2);
}

const pool = new Pool({ connectionString: DATABASE_URL, max: 1 });
const captured: { sql: string; params: unknown[] }[] = [];
const db = drizzle(pool, {
  schema,
  logger: { logQuery: (text, params) => captured.push({ sql: text, params }) },
});

interface Found {
  persona: string;
  query: string;
  totalMs: number;
  worstMs: number;
}

try {
  print(`machine: ${describeMachine()}`);
  const {
    rows: [size],
  } = await pool.query<{ n: string }>("select count(*) as n from bookings");
  print(`data: ${Number(size!.n).toLocaleString("en-US")} bookings`);
  const personas = (process.env.BENCH_PERSONAS ?? Object.keys(PERSONAS).join(",")).split(",");
  const found: Found[] = [];
  let checked = 0;
  for (const persona of personas) {
    const email = PERSONAS[persona];
    if (!email) throw new Error(`unknown persona ${persona}`);
    const {
      rows: [user],
    } = await pool.query<{ id: string }>("select id from users where email = $1", [email]);
    const actor = await loadActor(db, user!.id, null);
    if (!actor) throw new Error(`${email}: no actor`);
    for (const view of VIEWS)
      for (const sort of SORTS)
        for (const extra of EXTRAS) {
          const query = `view=${view}&sort=${sort}${extra ? `&${extra}` : ""}`;
          const state = parseBookingListParams(Object.fromEntries(new URLSearchParams(query)));
          captured.length = 0;
          await listBookingPageForViewer(db, actor, state, ZONE, new Date());
          let totalMs = 0;
          let worstMs = 0;
          for (const statement of [...captured]) {
            const { rows } = await pool.query(
              `EXPLAIN (ANALYZE, FORMAT JSON) ${statement.sql}`,
              statement.params,
            );
            const ms = (rows[0]["QUERY PLAN"] as { "Execution Time": number }[])[0]!["Execution Time"];
            totalMs += ms;
            worstMs = Math.max(worstMs, ms);
          }
          checked += 1;
          if (totalMs > MIN_MS) found.push({ persona, query, totalMs, worstMs });
        }
  }
  print(`${checked} combinations; ${found.length} over ${MIN_MS} ms of PostgreSQL execution:`);
  for (const row of found.sort((a, b) => b.totalMs - a.totalMs))
    print(
      `  ${row.persona.padEnd(10)} /bookings?${row.query.padEnd(64)} ${row.totalMs.toFixed(1).padStart(7)} ms (slowest statement ${row.worstMs.toFixed(1)})`,
    );
} finally {
  await pool.end();
}
