/**
 * A word, and above all three letters (what anyone types first), counted by walking the viewer's
 * bookings newest first when PostgreSQL's own statistics say its trigrams are common — instead of
 * through its trigram keys.
 *
 * Why: a search is counted to SEARCH_COUNT_CAP (250) through its scope's trigram key, but a GIN
 * index is only read as a bitmap, whole: "ber" is in 15% of an insurer's names, and its key's
 * 29,000 entries cost ≈ 12 ms to read — the platform's 88,000 ≈ 25 ms — to learn that more than
 * 250 match. Walking the scope's date index with the exact match, 251 are found among the newest
 * ≈ 1,700 bookings in ≈ 2 ms. For a rare fragment the walk would cover the whole scope, so it is
 * taken only where ANALYZE's sample (pg_stats' most common elements of the key indexes, migrations
 * 0026 and 0029) says the walk is short, and only as far as twice that: a walk that does not reach
 * the cap leaves the count to the trigram pass, as before (count-bookings.ts).
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import type { Actor } from "@/lib/authz/actor";
import { isPlatformAdmin } from "@/lib/authz/policy";
import { log, LOG_EVENTS } from "@/lib/log";
import type { BookingListFilters } from "./booking-list-query";
import { isTestedFolded } from "./search-row-test";
import { searchTerms } from "./search-terms";

/** The live name-trigram indexes keyed by organization, specialist and platform, whose statistics are read. */
const KEY_INDEXES = [
  "idx_bookings_live_organization_name_tokens",
  "idx_bookings_live_specialist_name_tokens",
  "idx_bookings_live_platform_name_tokens",
] as const;

export interface NameTrigramStatistics {
  /** Live (not archived) bookings: the rows the key indexes hold. */
  liveBookings: number;
  /** A key's ("<scope>:<trigram>") share of live bookings — for ANALYZE's most common keys only. */
  keyShares: Map<string, number>;
  /** An organization's, specialist's or team's share of all bookings — for the most common ones only. */
  scopeShares: Map<string, number>;
  /** The share of bookings with no team. */
  teamlessShare: number;
}

const NO_STATISTICS: NameTrigramStatistics = {
  liveBookings: 0,
  keyShares: new Map(),
  scopeShares: new Map(),
  teamlessShare: 0,
};

/**
 * What one booking of a walk costs, in entries of a trigram key read: the scope's date index
 * carries every column the walk tests (migrations 0028, 0033). Measured at 1,000,000 bookings, a
 * walked booking 0.75–0.82 µs and a key entry 0.26–0.42 µs (an Intel and an AMD host): 2.0–2.9
 * entries; 3 errs towards the key. (4 until the walk and the key were measured on one host: it kept
 * an administrator's "bre" on a 29,000-entry key — 16 ms — where the walk takes 4.) Before 0033
 * the platform's and a specialist's walks fetched each booking's claim number and reference from
 * the table: ≈ 4–5 µs.
 */
const WALK_ENTRY_COST = 3;
/**
 * The same for a text of printable ASCII, tested on the folded text the index holds (migration
 * 0035, search-row-test.ts) with one LIKE instead of three ILIKEs: ≈ 0.2 µs a walked booking
 * against 0.59 for the ILIKEs and 0.41 a key entry (AMD host, 1,000,000 bookings, 50,000 walked):
 * ≈ 0.5 entries; 1 errs towards the key.
 */
const FOLDED_WALK_ENTRY_COST = 1;
/**
 * What each match the trigram pass counts costs after its key is read, in key entries: fetched from
 * the table and tested (the walk fetches nothing) — measured ≈ 14 µs a match (251 in 206 blocks,
 * 3.5 ms), ≈ 33 entries; 20 errs towards the walk's side.
 */
const MATCH_FETCH_COST = 20;
/** The walk is taken when its expected cost is at most half the key pass's: the estimate is a sample's, and may be off by two. */
const ESTIMATE_MARGIN = 2;
/** The walk goes this many times as far as expected before it gives up (then ≤ about twice the trigram pass's cost). */
const WALK_BUDGET_FACTOR = 2;

interface StatisticsRow {
  table: string;
  column: string;
  rows: number;
  elements: string[] | null;
  elementShares: number[] | null;
  values: string[] | null;
  valueShares: number[] | null;
  nullShare: number;
}

async function readStatistics(db: DbOrTx): Promise<NameTrigramStatistics> {
  // pg_stats lists a table's statistics to its owner (the portal's role, which ran the migrations).
  const { rows } = await db.execute<StatisticsRow & Record<string, unknown>>(sql`
    select s.tablename as "table", s.attname as "column", c.reltuples::float8 as "rows",
           s.most_common_elems::text::text[] as "elements", s.most_common_elem_freqs::float8[] as "elementShares",
           s.most_common_vals::text::text[] as "values", s.most_common_freqs::float8[] as "valueShares",
           s.null_frac::float8 as "nullShare"
      from pg_stats s
      join pg_namespace n on n.nspname = s.schemaname
      join pg_class c on c.relnamespace = n.oid and c.relname = s.tablename
     where s.schemaname = current_schema()
       and (s.tablename in (${sql.join(
         KEY_INDEXES.map((name) => sql`${name}`),
         sql`, `,
       )})
            or (s.tablename = 'bookings' and s.attname in ('organization_id', 'specialist_id', 'team_id')))`);
  const statistics: NameTrigramStatistics = {
    ...NO_STATISTICS,
    keyShares: new Map(),
    scopeShares: new Map(),
  };
  for (const row of rows) {
    if (row.table === "bookings") {
      row.values?.forEach((value, i) => statistics.scopeShares.set(value, row.valueShares?.[i] ?? 0));
      if (row.column === "team_id") statistics.teamlessShare = row.nullShare;
      continue;
    }
    statistics.liveBookings = Math.max(statistics.liveBookings, row.rows);
    row.elements?.forEach((key, i) => statistics.keyShares.set(key, row.elementShares?.[i] ?? 0));
  }
  return statistics;
}

/** ANALYZE moves them slowly (autovacuum's pace): read once per pool per ten minutes. */
const STATISTICS_TTL_MS = 10 * 60_000;
const kept = new WeakMap<object, { readAt: number; statistics: Promise<NameTrigramStatistics> }>();

/** The key indexes' statistics, as ANALYZE last wrote them; none when they cannot be read (then every count takes the trigram pass). */
export function nameTrigramStatistics(db: DbOrTx, now = Date.now()): Promise<NameTrigramStatistics> {
  const entry = kept.get(db);
  if (entry && now - entry.readAt < STATISTICS_TTL_MS) return entry.statistics;
  const statistics = readStatistics(db).catch((error: unknown) => {
    log.warn(
      { event: LOG_EVENTS.searchStatisticsUnreadable, err: error },
      "name trigram statistics unreadable",
    );
    return NO_STATISTICS;
  });
  kept.set(db, { readAt: now, statistics });
  return statistics;
}

interface WholeScope {
  id: string;
  /** The share of the scope's bookings the viewer sees: a plain member, their teams' and the team-less ones. */
  seen: number;
}

/**
 * The one scope a viewer's view lies in — the platform, one organization, or the specialist they
 * are — and how much of it they see; null for several.
 */
function wholeScopeOf(viewer: Actor, statistics: NameTrigramStatistics): WholeScope | null {
  if (isPlatformAdmin(viewer)) return { id: "platform", seen: 1 };
  const organizationIds = [...new Set(viewer.memberships.map((m) => m.organizationId))];
  if (organizationIds.length + viewer.specialistIds.length !== 1) return null;
  if (viewer.specialistIds.length === 1) return { id: viewer.specialistIds[0]!, seen: 1 };
  const organizationId = organizationIds[0]!;
  if (viewer.memberships.every((m) => m.role !== "member")) return { id: organizationId, seen: 1 };
  // A plain member: their teams' bookings and the team-less ones (those they booked in other teams
  // are left out — fewer seen, a longer walk expected: the estimate errs towards the key).
  const organizationShare = statistics.scopeShares.get(organizationId) ?? 0;
  const teamsShare = viewer.teams.reduce(
    (sum, team) => sum + (statistics.scopeShares.get(team.teamId) ?? 0),
    0,
  );
  const seen =
    organizationShare > 0 ? Math.min(1, teamsShare / organizationShare + statistics.teamlessShare) : 0;
  return { id: organizationId, seen };
}

/** Filters other than the default (live bookings) change what a walk must read past: not walked. */
const hasFilters = (filters: BookingListFilters = {}) =>
  Object.entries(filters).some(
    ([key, value]) =>
      key !== "timeZone" && value !== undefined && (!Array.isArray(value) || value.length > 0),
  );

/**
 * The trigrams of a search a date walk can count — one word of letters or digits, three or more of
 * them, and no filter — else null. (The trigrams are the key index's: every run of three, lower case.)
 */
export function dateWalkTrigrams(
  search: string | undefined,
  filters: BookingListFilters | undefined,
): string[] | null {
  const name = searchTerms(search).name;
  if (name?.match !== "anywhere" || !/^[\p{L}\p{N}]{3,}$/u.test(name.text) || hasFilters(filters))
    return null;
  const letters = [...name.text.toLowerCase()];
  return [...new Set(letters.slice(2).map((_, i) => letters.slice(i, i + 3).join("")))];
}

/**
 * How many of the viewer's newest bookings to walk to count a search to `cap`, or null to count
 * it through its trigram keys: a one-word search with no filter, by a viewer whose view lies in one
 * scope, whose every trigram the statistics call common enough among what they see.
 *
 * A word of several trigrams is weighed by its rarest: no more names hold the word than hold that
 * trigram, so the walk is expected to meet matches at most that often — and the key pass, which
 * reads the rarest key and skips through the others (GIN's AND), costs about that key's entries
 * (measured at 1,000,000 bookings: "brenn" through an insurer's keys 3.9–5.4 ms, its one key "bre"
 * alike; the platform's 10–11 ms). A word rarer than its rarest trigram ("brenn" among Brendas,
 * Lorens and Jennifers) makes the walk fall short of the cap within its budget and give way to the
 * key pass: at most twice the key pass's cost, where a word as common as its trigrams (an
 * administrator's "brenn" at 1,000,000 bookings, 29,000 matches) costs half.
 */
export function dateWalkBudget(
  statistics: NameTrigramStatistics,
  viewer: Actor,
  search: string | undefined,
  filters: BookingListFilters | undefined,
  cap: number,
): number | null {
  const trigrams = dateWalkTrigrams(search, filters);
  if (trigrams === null) return null;
  const scope = wholeScopeOf(viewer, statistics);
  if (!scope?.seen) return null;
  const keyShares = trigrams.map((trigram) => statistics.keyShares.get(`${scope.id}:${trigram}`));
  // A trigram missing from the statistics is rarer than every one they list: its key is short.
  if (keyShares.some((share) => !share)) return null;
  const keyShare = Math.min(...(keyShares as number[]));
  const scopeShare = scope.id === "platform" ? 1 : statistics.scopeShares.get(scope.id);
  if (!scopeShare) return null;
  // The key pass: the rarest key read as a bitmap and checked in each other key, then each match
  // fetched until one past the cap.
  const keyPassCost = keyShare * statistics.liveBookings + (cap + 1) * MATCH_FETCH_COST;
  // The share of the bookings walked (the scope's) that match and are the viewer's: how far apart
  // a walk meets its matches (at most).
  const density = Math.min(1, (keyShare / scopeShare) * scope.seen);
  const expectedWalk = (cap + 1) / density;
  const entryCost = isTestedFolded(searchTerms(search).name!.text) ? FOLDED_WALK_ENTRY_COST : WALK_ENTRY_COST;
  if (expectedWalk * entryCost * ESTIMATE_MARGIN > keyPassCost) return null;
  return Math.ceil(WALK_BUDGET_FACTOR * expectedWalk);
}
