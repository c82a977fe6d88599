/**
 * `npm run bench:http`: what people meet — pages over HTTP from the production build, at a real
 * provider's size. Builds nothing: run `npm run build` first.
 *
 *   data      a scratch database on DATABASE_URL's server (dropped afterwards): migrated, the demo
 *             world seeded (3 organizations, 6 specialists, the demo logins), then BENCH_BOOKINGS
 *             (1,000,000) bookings of the large-organization shape (bench/generate-bookings.ts:
 *             ≈ 333,000 per organization, ≈ 170,000 per specialist)
 *   server    the portal server as `npm start` starts it (scripts/portal-server.ts start, its 512 MB
 *             heap bound, BACKGROUND_JOBS=off), with bench/memory-probe.ts preloaded to log its memory
 *   personas  signed in over better-auth's HTTP API as a browser does (the demo TOTP code for the
 *             admin and the specialist): referrer motor@northwind.test, organization owner
 *             owner@northwind.test, specialist amelia.hart@specialists.test, admin admin@ime.test
 *   load      autocannon, BENCH_CONNECTIONS (8) connections: for each persona and each page shape,
 *             BENCH_ROUNDS (3) rounds of [the sign-in page for BENCH_SECONDS (3) s, then the page for
 *             BENCH_SECONDS s] — the pair shares the machine's state at that moment, so the ratio
 *             page p50 / sign-in p50 is comparable on a loaded machine where absolute times are not
 *   pages     each /bookings shape (BOOKING_SHAPES), then each persona's homes, then /notifications —
 *             the portal's shell around a short list, the fixed cost every signed-in page pays: the
 *             floor a /bookings shape's figures stand on
 *   prints    per page: p50 / p95 / p99 (ms, median of the rounds), requests/s, the ratio to sign-in
 *             (the issue's goal for /bookings: ≤ 3× and p95 ≤ 250 ms; homes are held to being
 *             bounded, and the reference page to nothing), non-200 answers, the CPU a request cost the
 *             portal server and PostgreSQL (from /proc: steadier than latencies on a shared machine,
 *             and it tells whose time a page is); the server's memory before,
 *             at the peak of and after the load (after 10 s idle, and after a forced GC)
 *
 * Env: BENCH_BOOKINGS, BENCH_SECONDS, BENCH_ROUNDS, BENCH_CONNECTIONS, BENCH_PORT (3340),
 *      BENCH_PERSONAS (comma list of referrer,owner,specialist,admin), BENCH_SHAPES (substring filter),
 *      BENCH_DATABASE_URL (use this database as it is: no generation, nothing dropped — for repeat runs),
 *      BENCH_KEEP_DATABASE=1 (keep the scratch database and print its URL),
 *      BENCH_SERVER_NODE_OPTIONS (extra node flags for the server, e.g. "--max-old-space-size=512"),
 *      BENCH_VIEWER_ZONE (the personas' browsers' zone cookie: America/Chicago; "" for none),
 *      BENCH_WARMUP_SECONDS (5: untimed sign-in page and /bookings load before the first round),
 *      BENCH_PLANS=0 (skip the plans: bench/page-plans.ts prints each page's statements' plans first).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { drizzle } from "drizzle-orm/node-postgres";
import { Pool } from "pg";
import * as schema from "@/db/schema";
import { PRODUCTION_NODE_FLAGS } from "@/services/production-node-flags";
import { migrateDatabase } from "@/db/migrate";
import { buildDemoBookings } from "@/db/seed/demo-bookings";
import { DEMO_ADMIN, DEMO_PASSWORD, DEMO_TOTP_SECRET } from "@/db/seed/demo-people";
import { seedDemoData } from "@/db/seed/seed";
import { DEMO_CALENDARS } from "@/lib/acuity/demo-calendars";
import { VIEWER_TIME_ZONE_COOKIE } from "@/lib/bookings/viewer-time-zone";
import { totpCodeFor } from "@/lib/two-factor/totp-code";
import { createScratchDatabase, type ScratchDatabase } from "@/tests/support/scratch-database";
import { generateBookings } from "./generate-bookings";
import { addHomeData } from "./home-data";
import { printPagePlans } from "./page-plans";
import { describeMachine, percentile } from "./machine";
import { postgresCpuMs, processCpuMs } from "./process-cpu";

const BOOKINGS = Number(process.env.BENCH_BOOKINGS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 8);
const PORT = Number(process.env.BENCH_PORT ?? 3340);
/** Untimed load before the first measured round (BENCH_WARMUP_SECONDS; 0 for none): see warmUp. */
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const BASE = `http://127.0.0.1:${PORT}`;
/** The personas' browsers' zone (BENCH_VIEWER_ZONE; "" for none, as before a browser has said it). */
const VIEWER_ZONE = process.env.BENCH_VIEWER_ZONE ?? "America/Chicago";
const AUTH_SECRET = "http-bench-secret-that-is-long-enough-for-better-auth";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const print = (line = "") => process.stdout.write(`${line}\n`);

/** Not held to the ratio goal: the portal's shell around a short list (see the header's "pages"). */
const REFERENCE_PAGE = "/notifications";

interface Persona {
  key: string;
  label: string;
  email: string;
  totp: boolean;
  /** Homes and other pages only this persona has. */
  homes: string[];
}
const SPECIALIST_EMAIL = DEMO_CALENDARS[0]!.email;
const PERSONAS: Persona[] = [
  { key: "referrer", label: "referrer", email: "motor@northwind.test", totp: false, homes: ["/"] },
  {
    key: "owner",
    label: "org owner",
    email: "owner@northwind.test",
    totp: false,
    homes: ["/", "/organization/invoices"],
  },
  {
    key: "specialist",
    label: "specialist",
    email: SPECIALIST_EMAIL,
    totp: true,
    homes: ["/", "/specialist"],
  },
  { key: "admin", label: "admin", email: DEMO_ADMIN.email, totp: true, homes: ["/", "/admin"] },
].filter(
  (persona) => !process.env.BENCH_PERSONAS || process.env.BENCH_PERSONAS.split(",").includes(persona.key),
);

/** The /bookings shapes: the issue's table, the other filters and sorts, filters combined with a search, and the views. */
const BOOKING_SHAPES: [string, string][] = [
  ["first page", ""],
  ["deep page (all, page 200)", "?view=all&page=200"],
  ['name search "brenn"', "?view=all&q=brenn"],
  ['two letters "ma"', "?view=all&q=ma"],
  ["absent name", "?view=all&q=zzyzx"],
  ["progress filter (generating report)", "?view=all&progress=generating_report"],
  ["sort by date asc", "?view=all&sort=appointmentDate.asc"],
  ["sort by created (newest)", "?view=all&sort=createdAt.desc"],
  ["sort by specialist", "?view=all&sort=specialist.asc"],
  ["sort by progress (upcoming)", "?sort=progress.asc"],
  // Past holds no cancelled booking: its stages' walk skips that stage (list-bookings.ts, stagesToWalk).
  ["sort by progress (past)", "?view=past&sort=progress.asc"],
  // The generator gives telehealth to one organization (g % 3): Northwind has 9 among its 196,000
  // live bookings, so the walk finds too few to stop at — the costliest filter a scope can meet.
  ["type filter (telehealth)", "?view=all&type=telehealth"],
  // In name order the page walks the name index: a filter the scope barely holds is picked from
  // the count's ids instead (list-booking-page.ts) — walked, it passed the whole scope (45 ms).
  ["name order, rare filter (telehealth)", "?view=all&sort=examineeName.asc&type=telehealth"],
  ["status filter (closed)", "?view=all&status=closed"],
  ["status filter (archived)", "?view=all&status=archived"],
  ['filter + search (paid, "kowal")', "?view=all&progress=payment_received&q=kowal"],
  // A fragment in thousands of names, and a search among archived bookings (the old ones): both
  // read `bookings` sequentially before migrations 0029 and 0030.
  ['common fragment "ber"', "?view=all&q=ber"],
  // Three letters, what anyone types first: one trigram, whose keys the planner ANDed with the whole
  // organization's index until the scope was tested row by row (booking-list-query.ts, testedOnRowsOnly).
  ['three letters "bre"', "?view=all&q=bre"],
  ['archived search ("brenn")', "?view=all&status=archived&q=brenn"],
  // One Status sorted by name or creation: the name and Created orders' indexes held live bookings
  // only, not keyed by status (old bookings came last): 105–348 ms before migration 0036.
  ["archived, by name (Z–A)", "?view=all&status=archived&sort=examineeName.desc"],
  ["closed, newest created", "?view=all&status=closed&sort=createdAt.desc"],
  // Upcoming oldest-created first: the creation walk passed every past booking before the first
  // upcoming one (an administrator's 117–167 ms of PostgreSQL) until it read Upcoming by date (0037).
  ["upcoming, oldest created", "?view=upcoming&sort=createdAt.asc"],
  ["view: upcoming", "?view=upcoming"],
  ["view: past", "?view=past"],
  ["view: cancelled", "?view=cancelled"],
  ["view: all", "?view=all"],
];

// ── cookies ──────────────────────────────────────────────────────────────────────────────────
class CookieJar {
  private cookies = new Map<string, string>();
  take(headers: Headers) {
    for (const cookie of headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(";");
      const [name, ...value] = pair!.split("=");
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value.join("=") === "") this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value.join("="));
    }
  }
  header = () => [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
}

async function signIn(persona: Persona): Promise<string> {
  const jar = new CookieJar();
  const post = async (pathName: string, body: unknown) => {
    const response = await fetch(`${BASE}/api/auth${pathName}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: BASE, cookie: jar.header() },
      body: JSON.stringify(body),
    });
    jar.take(response.headers);
    if (!response.ok) throw new Error(`${persona.email}: ${pathName} answered ${response.status}`);
    return (await response.json()) as { twoFactorRedirect?: boolean };
  };
  const first = await post("/sign-in/email", { email: persona.email, password: DEMO_PASSWORD });
  if (first.twoFactorRedirect) await post("/two-factor/verify-totp", { code: totpCodeFor(DEMO_TOTP_SECRET) });
  // A browser says its zone after its first page (ViewerTimeZoneSync), and then every time is
  // written on two clocks where the specialist's differs — pages cost what people's pages cost.
  return VIEWER_ZONE ? `${jar.header()}; ${VIEWER_TIME_ZONE_COOKIE}=${VIEWER_ZONE}` : jar.header();
}

// ── the server and its memory ────────────────────────────────────────────────────────────────
const memoryFile = path.join(os.tmpdir(), `ime-http-bench-memory-${process.pid}.jsonl`);
interface MemoryLine {
  at: number;
  rss: number;
  heapTotal: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  afterGc?: boolean;
}
function memoryLines(): MemoryLine[] {
  if (!fs.existsSync(memoryFile)) return [];
  return fs
    .readFileSync(memoryFile, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as MemoryLine);
}
const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;
const describeMemory = (line: MemoryLine | undefined) =>
  line
    ? `RSS ${mb(line.rss)} (heap used ${mb(line.heapUsed)} of ${mb(line.heapTotal)}, external ${mb(line.external)})`
    : "no sample";

function startServer(databaseUrl: string): ChildProcess {
  const log = fs.openSync(path.join(os.tmpdir(), `ime-http-bench-server-${process.pid}.log`), "w");
  const extraFlags = (process.env.BENCH_SERVER_NODE_OPTIONS ?? "").split(" ").filter(Boolean);
  return spawn(
    process.execPath,
    [
      "--expose-gc",
      // As `npm start`, the image and start:embedded run it (services/production-node-flags.ts); a
      // flag in BENCH_SERVER_NODE_OPTIONS comes later and wins.
      ...PRODUCTION_NODE_FLAGS,
      ...extraFlags,
      "--import",
      "tsx",
      "--import",
      "./bench/memory-probe.ts",
      "scripts/portal-server.ts",
      "start",
    ],
    {
      stdio: ["ignore", log, log],
      env: {
        ...process.env,
        NODE_ENV: "production",
        PORT: String(PORT),
        DATABASE_URL: databaseUrl,
        BETTER_AUTH_SECRET: AUTH_SECRET,
        BETTER_AUTH_URL: BASE,
        BACKGROUND_JOBS: "off",
        AUTH_SIGN_IN_RATE_LIMIT: "1000",
        LOG_LEVEL: "warn",
        // Pages under load touch neither; the start-up check wants them named.
        S3_ENDPOINT: "http://127.0.0.1:9",
        S3_BUCKET: "http-bench",
        S3_REGION: "us-east-1",
        S3_ACCESS_KEY_ID: "http-bench",
        S3_SECRET_ACCESS_KEY: "http-bench-secret",
        ACUITY_USER_ID: "1",
        ACUITY_API_KEY: "http-bench",
        ACUITY_BASE_URL: "http://127.0.0.1:9/api/v1",
        BENCH_MEMORY_FILE: memoryFile,
      },
    },
  );
}

async function waitForServer(withinMs = 120_000) {
  const deadline = Date.now() + withinMs;
  for (;;) {
    const status = await fetch(`${BASE}/sign-in`).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) return;
    if (Date.now() > deadline)
      throw new Error(`the server did not answer /sign-in within ${withinMs / 1000} s`);
    await sleep(500);
  }
}

// ── load ─────────────────────────────────────────────────────────────────────────────────────
interface Measurement {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  non200: number;
  /** CPU per answered request (ms) of the portal server and of PostgreSQL over the window; NaN off Linux. */
  serverCpu: number;
  postgresCpu: number;
}

let serverPid: number | undefined;

async function load(pagePath: string, cookie: string | null, seconds = SECONDS): Promise<Measurement> {
  const times: number[] = [];
  let non200 = 0;
  const instance = autocannon({
    url: `${BASE}${pagePath}`,
    connections: CONNECTIONS,
    duration: seconds,
    headers: cookie ? { cookie } : {},
  });
  instance.on("response", (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    if (statusCode !== 200) non200 += 1;
  });
  const cpuBefore = { server: serverPid ? processCpuMs(serverPid) : null, postgres: postgresCpuMs() };
  const result = await instance;
  const cpuAfter = { server: serverPid ? processCpuMs(serverPid) : null, postgres: postgresCpuMs() };
  const perRequest = (before: number | null, after: number | null) =>
    before === null || after === null || times.length === 0 ? NaN : (after - before) / times.length;
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: times.length / seconds,
    requests: times.length,
    non200: non200 + result.errors + result.timeouts,
    serverCpu: perRequest(cpuBefore.server, cpuAfter.server),
    postgresCpu: perRequest(cpuBefore.postgres, cpuAfter.postgres),
  };
}

/** Which goal a page is held to: /bookings' ratio, a home's bound, or none (the reference page). */
type PageKind = "bookings" | "home" | "reference";
/** One measured page's figures the verdict reads. */
interface PageFigures {
  persona: string;
  shape: string;
  kind: PageKind;
  ratio: number;
  p50: number;
  p95: number;
}

/** The issue's goal for a /bookings page. */
const withinGoal = (m: { ratio: number; p95: number }) => m.ratio <= 3 && m.p95 <= 250;

/**
 * The run's verdict: /bookings against its goal; homes and the reference page by their ratios,
 * which say how far a page stands above the shell every page pays. A run that measured no
 * /bookings page says so, rather than "within the goal".
 */
function verdictLines(table: PageFigures[]): string[] {
  const bookingPages = table.filter((row) => row.kind === "bookings");
  const over = bookingPages.filter((row) => !withinGoal(row));
  const named = (rows: PageFigures[]) =>
    rows.map((row) => `${row.persona} ${row.shape} ${row.ratio.toFixed(1)}×`).join("; ");
  const others = table.filter((row) => row.kind !== "bookings");
  return [
    bookingPages.length === 0
      ? "/bookings: no shape measured (BENCH_SHAPES matched none)"
      : over.length === 0
        ? `/bookings: all ${bookingPages.length} pages within the goal (p50 ≤ 3× sign-in, p95 ≤ 250 ms)`
        : `/bookings: ${over.length} of ${bookingPages.length} pages over the goal (p50 ≤ 3× sign-in, p95 ≤ 250 ms): ${named(over)}`,
    ...(others.length > 0 ? [`homes and the reference page (no ratio goal): ${named(others)}`] : []),
  ];
}

const median = (values: number[]) =>
  values.length === 0 ? NaN : [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Rounds of [sign-in page, the page]; the median of each figure over the rounds. */
async function measurePaired(pagePath: string, cookie: string) {
  if (ROUNDS < 1) throw new Error("BENCH_ROUNDS must be at least 1");
  const pairs: { signIn: Measurement; page: Measurement }[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const signInPage = await load("/sign-in", null);
    let page = await load(pagePath, cookie);
    // Fewer answers than connections: most requests outlived the window (which drops them) — measure
    // that page over a longer one, so slow pages get figures instead of none.
    if (page.requests < CONNECTIONS) page = await load(pagePath, cookie, SECONDS * 5);
    // A round where a page took longer than the whole window has no figure; it is left out.
    if (signInPage.requests > 0 && page.requests > 0) pairs.push({ signIn: signInPage, page });
  }
  const pick = (side: "signIn" | "page", key: keyof Measurement) =>
    median(pairs.map((pair) => pair[side][key]));
  return {
    signInP50: pick("signIn", "p50"),
    signInRps: pick("signIn", "rps"),
    p50: pick("page", "p50"),
    p95: pick("page", "p95"),
    p99: pick("page", "p99"),
    rps: pick("page", "rps"),
    serverCpu: pick("page", "serverCpu"),
    postgresCpu: pick("page", "postgresCpu"),
    signInServerCpu: pick("signIn", "serverCpu"),
    ratio: median(pairs.map((pair) => pair.page.p50 / pair.signIn.p50)),
    non200: pairs.reduce((sum, pair) => sum + pair.page.non200 + pair.signIn.non200, 0),
  };
}

/**
 * Untimed load first, as a server in service has had: a fresh server's first few hundred pages
 * run code V8 has not yet compiled — measured, the first 400 `/bookings` pages cost ≈ 27 ms of
 * server CPU each against 18–21 after, and the sign-in page 10.6 ms for its first 800 against
 * 5.2 — so without it the first persona's first shape, and its paired sign-in rounds, measured
 * start-up instead of the page.
 */
async function warmUp(cookie: string) {
  if (WARMUP_SECONDS <= 0) return;
  await load("/sign-in", null, WARMUP_SECONDS);
  await load("/bookings", cookie, WARMUP_SECONDS);
}

/** The page must be the page, not a redirect to sign-in or an error (those are fast and wrong). */
async function checkPage(pagePath: string, cookie: string): Promise<number> {
  const response = await fetch(`${BASE}${pagePath}`, { headers: { cookie }, redirect: "manual" });
  const body = await response.text();
  if (response.status !== 200)
    throw new Error(`${pagePath} answered ${response.status} ${response.headers.get("location") ?? ""}`);
  return body.length;
}

// ── the run ──────────────────────────────────────────────────────────────────────────────────
if (!fs.existsSync(".next/BUILD_ID")) {
  console.error("No production build: run `npm run build` first.");
  process.exit(2);
}
if (!process.env.DATABASE_URL && !process.env.BENCH_DATABASE_URL) {
  console.error(
    "Set DATABASE_URL to a Postgres server; the benchmark makes (and drops) its own database there.",
  );
  process.exit(2);
}

print(`machine: ${describeMachine()}`);
print(
  `load average at start: ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(", ")}`,
);
let scratch: ScratchDatabase | null = null;
let databaseUrl = process.env.BENCH_DATABASE_URL ?? "";
let server: ChildProcess | null = null;
try {
  if (!databaseUrl) {
    scratch = await createScratchDatabase("ime_http_bench");
    databaseUrl = scratch.url;
    await migrateDatabase(databaseUrl);
    const pool = new Pool({ connectionString: databaseUrl, max: 4 });
    try {
      await seedDemoData(drizzle(pool, { schema }), buildDemoBookings(new Date()), {
        authSecret: AUTH_SECRET,
      });
      const started = Date.now();
      await generateBookings(pool, { kind: "large-org", bookings: BOOKINGS });
      // Reports for the bookings past "report ready", briefs, history: what the homes read.
      await addHomeData(pool);
      print(
        `generated ${BOOKINGS.toLocaleString("en-US")} bookings in ${((Date.now() - started) / 1000).toFixed(0)} s`,
      );
    } finally {
      await pool.end();
    }
  }
  // A kept database gets the migrations added since (new indexes are what a repeat run measures).
  else await migrateDatabase(databaseUrl);
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  const { rows: sizes } = await pool.query<{ name: string; n: string }>(
    `SELECT 'organization ' || o.name AS name, count(*) AS n FROM bookings b JOIN organizations o ON o.id = b.organization_id GROUP BY 1
     UNION ALL SELECT 'specialist ' || s.name, count(*) FROM bookings b JOIN specialists s ON s.id = b.specialist_id GROUP BY 1
     UNION ALL SELECT 'all', count(*) FROM bookings ORDER BY 1`,
  );
  const {
    rows: [bytes],
  } = await pool.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('bookings')) AS size`);
  // One booking every persona sees (the referrer's team, the specialist's diary): found by its
  // claim number, as people look one up — the identifiers share their "CLM-2025-" prefix.
  const {
    rows: [claim],
  } = await pool.query<{ claim_number: string }>(
    `SELECT b.claim_number FROM bookings b JOIN organizations o ON o.id = b.organization_id
       JOIN teams t ON t.id = b.team_id JOIN specialists s ON s.id = b.specialist_id
      WHERE o.slug = 'northwind-insurance' AND t.name = 'Motor Claims' AND s.name = 'Dr. Amelia Hart'
        AND b.claim_number IS NOT NULL AND b.status = 'active' LIMIT 1`,
  );
  if (claim)
    BOOKING_SHAPES.push([`claim number "${claim.claim_number}"`, `?view=all&q=${claim.claim_number}`]);
  await pool.end();
  print(
    `data: ${sizes.map((row) => `${row.name} ${Number(row.n).toLocaleString("en-US")}`).join("; ")} (${bytes!.size} with indexes)`,
  );

  const shapeFilter = process.env.BENCH_SHAPES;
  const wanted = ([name]: [string, string]) =>
    !shapeFilter || shapeFilter.split(",").some((part) => name.includes(part));
  if (process.env.BENCH_PLANS !== "0") {
    const plans = await printPagePlans(
      databaseUrl,
      PERSONAS.map((persona) => ({
        label: persona.label,
        email: persona.email,
        home: persona.key === "admin" ? "admin" : persona.key === "specialist" ? "specialist" : "referrer",
      })),
      BOOKING_SHAPES.filter(wanted),
      print,
    );
    print(
      `plans: ${plans.statements} statements explained, ${plans.sequentialScans} with a sequential scan of bookings\n`,
    );
  }

  server = startServer(databaseUrl);
  serverPid = server.pid;
  await waitForServer();
  await sleep(1000);
  const before = memoryLines().at(-1);
  print(`server memory before the load: ${describeMemory(before)}`);
  print(
    `load: ${CONNECTIONS} connections, ${ROUNDS} rounds of [sign-in page ${SECONDS} s, page ${SECONDS} s]; figures are medians of the rounds` +
      ` (after ${WARMUP_SECONDS} s each of untimed sign-in page and /bookings load)\n`,
  );

  const header = `${"page".padEnd(44)} ${"p50".padStart(7)} ${"p95".padStart(7)} ${"p99".padStart(7)} ${"req/s".padStart(7)} ${"sign-in p50".padStart(12)} ${"ratio".padStart(6)}  CPU ms/request: server + PostgreSQL (sign-in's server)`;
  const table: PageFigures[] = [];
  for (const [index, persona] of PERSONAS.entries()) {
    const cookie = await signIn(persona);
    if (index === 0) await warmUp(cookie);
    print(`== ${persona.label} (${persona.email})`);
    print(header);
    const pages: [string, string, PageKind][] = [
      ...BOOKING_SHAPES.map(([name, query]): [string, string, PageKind] => [
        name,
        `/bookings${query}`,
        "bookings",
      ]),
      ...persona.homes.map((home): [string, string, PageKind] => [`home ${home}`, home, "home"]),
      [`reference ${REFERENCE_PAGE}`, REFERENCE_PAGE, "reference"] as [string, string, PageKind],
    ].filter(([name, pagePath]) => wanted([name, pagePath]));
    for (const [name, pagePath, kind] of pages) {
      let size: number;
      try {
        size = await checkPage(pagePath, cookie);
      } catch (error) {
        print(`  ${name.padEnd(42)} skipped: ${(error as Error).message}`);
        continue;
      }
      const m = await measurePaired(pagePath, cookie);
      table.push({ persona: persona.label, shape: name, kind, ratio: m.ratio, p50: m.p50, p95: m.p95 });
      const ok = kind !== "bookings" || withinGoal(m) ? "  " : "✗ ";
      print(
        `${ok}${name.padEnd(42)} ${m.p50.toFixed(0).padStart(5)}ms ${m.p95.toFixed(0).padStart(5)}ms ${m.p99.toFixed(0).padStart(5)}ms ${m.rps.toFixed(1).padStart(7)} ${`${m.signInP50.toFixed(0)}ms`.padStart(12)} ${`${m.ratio.toFixed(1)}×`.padStart(6)}` +
          `  ${m.serverCpu.toFixed(1)} + ${m.postgresCpu.toFixed(1)} (${m.signInServerCpu.toFixed(1)})` +
          `  (${Math.round(size / 1024)} KB${m.non200 ? `, ${m.non200} non-200/errors` : ""})`,
      );
    }
    print(`   server memory now: ${describeMemory(memoryLines().at(-1))}`);
  }

  const during = memoryLines();
  const peak = during.reduce<MemoryLine | undefined>(
    (top, line) => (!top || line.rss > top.rss ? line : top),
    undefined,
  );
  print(`\nserver memory at the peak of the load: ${describeMemory(peak)}`);
  await sleep(10_000);
  print(`server memory 10 s after the load: ${describeMemory(memoryLines().at(-1))}`);
  server.kill("SIGUSR2");
  await sleep(1000);
  print(
    `server memory after a forced full GC: ${describeMemory(
      memoryLines()
        .filter((line) => line.afterGc)
        .at(-1),
    )}`,
  );

  print();
  for (const line of verdictLines(table)) print(line);
  print(
    `load average at the end: ${os
      .loadavg()
      .map((n) => n.toFixed(2))
      .join(", ")}`,
  );
} finally {
  if (server) {
    server.kill("SIGTERM");
    await new Promise((resolve) => server!.once("exit", resolve));
  }
  fs.rmSync(memoryFile, { force: true });
  if (scratch) {
    if (process.env.BENCH_KEEP_DATABASE === "1") print(`database kept: ${scratch.url}`);
    else await scratch.drop();
  }
}
