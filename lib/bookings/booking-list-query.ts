/**
 * The filters, search and sort of the bookings table as SQL — always ANDed with the viewer's
 * visibility condition by the list and count queries, never used alone.
 */
import { and, eq, gte, ilike, inArray, isNull, like, lt, or, sql, type SQL } from "drizzle-orm";
import { inEnumWords } from "@/db/enum-words";
import { containsPattern } from "@/db/like-pattern";
import { bookings } from "@/db/schema";
import { APPOINTMENT_TYPES, BOOKING_SOURCES, BOOKING_STATUSES } from "@/db/schema/enums";
import type { AppointmentType, BookingSource, BookingStatus, ProgressStage } from "@/db/schema/enums";
import type { SearchScopes } from "@/lib/authz/booking-scope";
import { zonedTimeToInstant } from "@/lib/time/zoned";
import { foldedAnywhereTest, foldedWordStartTest } from "./search-row-test";
import { searchTerms, type SearchTerms } from "./search-terms";

export const BOOKING_SORT_COLUMNS = [
  "appointmentDate",
  "examineeName",
  "specialist",
  "progress",
  "createdAt",
] as const;
export type BookingSortColumn = (typeof BOOKING_SORT_COLUMNS)[number];
export interface BookingSort {
  column: BookingSortColumn;
  direction: "asc" | "desc";
}
export const DEFAULT_BOOKING_SORT: BookingSort = { column: "appointmentDate", direction: "desc" };

/**
 * The list's views (tabs). Upcoming: examinations from now on, not cancelled. Past: before now,
 * not cancelled — a no-show happened (or did not) in the past, so it is Past. Cancelled: every
 * cancelled booking, whenever it was for. All: everything, as the list was before views.
 */
export const BOOKING_VIEWS = ["upcoming", "past", "cancelled", "all"] as const;
export type BookingView = (typeof BOOKING_VIEWS)[number];
export const DEFAULT_BOOKING_VIEW: BookingView = "upcoming";

/** Each view's natural order: the nearest examination first for Upcoming, the newest for the others. */
export const defaultSortFor = (view: BookingView): BookingSort =>
  view === "upcoming" ? { column: "appointmentDate", direction: "asc" } : DEFAULT_BOOKING_SORT;

/**
 * The view as SQL; `now` is the instant the page is drawn at (one value for the list and every
 * count, so a booking never falls between two tabs) — or hiddenFromPlanner's subquery of it. Literal
 * stage names, not parameters, so the planner can match partial indexes.
 */
export function viewCondition(view: BookingView | undefined, now: Date | SQL): SQL | undefined {
  switch (view) {
    case "upcoming":
      return and(gte(bookings.appointmentDate, now), sql`${bookings.currentProgress} <> 'cancelled'`);
    case "past":
      return and(lt(bookings.appointmentDate, now), sql`${bookings.currentProgress} <> 'cancelled'`);
    case "cancelled":
      return sql`${bookings.currentProgress} = 'cancelled'`;
    default:
      return undefined;
  }
}

/** The value that stands for "bookings without a team" in the team filter. */
export const NO_TEAM = "none";

export interface BookingListFilters {
  /** Empty: active and closed bookings — archived ones are shown only when asked for. */
  status?: BookingStatus[];
  progress?: ProgressStage[];
  specialistId?: string;
  /** A team id, or NO_TEAM. */
  teamId?: string;
  /** Admin → Bookings: one organization (others' lists are scoped to theirs anyway). */
  organizationId?: string;
  appointmentType?: AppointmentType;
  source?: BookingSource;
  /** Inclusive days (YYYY-MM-DD) of the appointment, in `timeZone`. */
  from?: string;
  to?: string;
  timeZone?: string;
}

/**
 * Two letters at the start of a word: the name's start, after a space or a hyphen. One regex,
 * not three ILIKEs: half the CPU per row scanned, and the trigram index still serves it.
 * Only letters reach it (searchTerms), so nothing needs escaping.
 */
const wordStartsWith = (letters: string) => sql`${bookings.examineeName} ~* ${`(^|[ -])${letters}`}`;

/** Three letters or digits in a row: a trigram whole inside a word (pg_trgm's words are letters and digits). */
const HAS_WORD_TRIGRAM = /[\p{L}\p{N}]{3}/u;

/**
 * Examinee name, phone digits, claim number and the case manager's reference, as searchTerms
 * reads the typed text. Each branch is served by its own trigram index (a BitmapOr), so adding
 * the referral fields adds no scan of bookings.
 *
 * With `scopes` (a viewer's organizations and specialists, or the platform: searchScopesOf — for a
 * search's count, and its rows when that count was complete: BookingListOptions.searchBy), the
 * name is looked up by its trigrams keyed by each scope (migration 0026), which reads only that
 * scope's bookings' entries — the plain trigram index reads every organization's (≈ 19 → 5 ms for
 * one insurer's "brenn" at 1,000,000 bookings) — and, for a platform admin, keyed by the platform
 * (migration 0029): the same entries as the plain index, but the planner no longer trades them for
 * a sequential scan when the column's statistics call the name common. Those trigrams are a
 * necessary condition, not the match ("Brenda Lorenn" has bre, ren and enn), so the exact branches
 * stay beside them as a second condition. Written as two ORs, the index's is exactly what the
 * BitmapOr finds and is not checked again row by row (scoped_trigrams is dear); the exact one is
 * plain ILIKEs on the rows found.
 * With `stages` (the Progress filter's), the scoped trigrams are keyed by each stage too
 * (scopedNameTrigrams, migration 0027). The live indexes serve a search of live bookings; among
 * archived ones, the same keys over archived bookings (migration 0030), without the stage.
 * A claim number or reference typed with separators is looked up the same way: the index by its
 * most distinctive run (distinctiveRun), the exact ILIKE on the rows found.
 * `walkedByName`: the rows are walked in name order (the Name sort), whose indexes hold no folded
 * text (nameTest).
 */
export function searchCondition(
  search: string | undefined,
  scopes: SearchScopes | null = null,
  stages: readonly ProgressStage[] = [],
  walkedByName = false,
): SQL | undefined {
  const terms = searchTerms(search);
  const { name, reference } = terms;
  const nameMatch = name ? nameTest(name, walkedByName) : undefined;
  const exact = exactTest(terms, nameMatch);
  // The index's own references: only their rarest-looking run when the typed text has several.
  const narrowReference = reference && distinctiveRun(reference);
  const indexedReferences = referenceTests(narrowReference ?? reference);

  const nameTrigrams = readsScopedTrigrams(search, scopes)
    ? scopedNameTrigrams(scopes!, stages, name!.text)
    : [];
  const phone = phoneTest(terms.phoneDigits);
  // No scope with trigrams (a viewer who sees nothing, whose visibility condition says so; or none
  // asked for — a search's rows past its count's cap, live and archived at once): the plain index.
  if (nameTrigrams.length > 0)
    return and(anyOf([...nameTrigrams, phone, ...indexedReferences]), testedOnRowsOnly(exact));
  if (narrowReference) return and(anyOf([nameMatch, phone, ...indexedReferences]), exact);
  return exact;
}

/**
 * The search as a test of the rows a walk passes, not a way to reach them: searchCondition's exact
 * test, its name, claim number and reference read case-folded from the date-walk indexes
 * (search-row-test.ts). For a common fragment's count walked in date order and a search's rows past
 * its count's cap (searchBy "walk"), where every booking walked is tested. (`walkedByName`: as
 * searchCondition's.)
 */
export function searchRowTest(search: string | undefined, walkedByName = false): SQL | undefined {
  const terms = searchTerms(search);
  const { name } = terms;
  const references = referenceTests(terms.reference);
  const folded = name && foldedAnywhereTest(name, or(nameAnywhere(name.text), ...references)!);
  return folded
    ? anyOf([folded, phoneTest(terms.phoneDigits)])
    : searchCondition(search, null, [], walkedByName);
}

/**
 * The name as typed: anywhere in it (ILIKE — what the trigram indexes serve), or a word's start.
 * Two letters are always walked (no trigram to look them up by), so they are read folded where the
 * walk's index holds the folded text — every date order's (migration 0035) — but not in name order:
 * the name indexes hold the name alone, and a test of the folded text (which needs the claim number
 * and reference too) fetched every booking walked from the table — two letters sorted by name,
 * 60 → 608 ms for an insurer's member at 1,000,000 bookings, where the walk passes 117,000 names.
 */
function nameTest(name: NonNullable<SearchTerms["name"]>, walkedByName: boolean): SQL {
  if (name.match === "anywhere") return nameAnywhere(name.text);
  const regex = wordStartsWith(name.text);
  return (!walkedByName && foldedWordStartTest(name, regex)) || regex;
}

const nameAnywhere = (text: string) => ilike(bookings.examineeName, containsPattern(text));

const phoneTest = (digits: string | null) =>
  digits ? like(bookings.examineePhone, `%${digits}%`) : undefined;

const referenceTests = (text: string | null) =>
  text
    ? [
        ilike(bookings.claimNumber, containsPattern(text)),
        ilike(bookings.caseManagerReference, containsPattern(text)),
      ]
    : [];

/** Any of the name (as `name` writes it), the phone digits, the claim number or the reference. */
const exactTest = (terms: SearchTerms, name: SQL | undefined) =>
  anyOf([name, phoneTest(terms.phoneDigits), ...referenceTests(terms.reference)]);

/**
 * Whether searchCondition finds the name through the scopes' trigram keys: a name matched
 * anywhere, with a whole trigram, and a scope to key it by.
 */
export function readsScopedTrigrams(search: string | undefined, scopes: SearchScopes | null): boolean {
  const { name } = searchTerms(search);
  if (!scopes || name?.match !== "anywhere" || !HAS_WORD_TRIGRAM.test(name.text)) return false;
  return scopes.platform || scopes.organizationIds.length > 0 || scopes.specialistIds.length > 0;
}

/**
 * A condition every row must meet that the planner must not reach rows by: `(…) IS TRUE` passes
 * exactly the rows the condition alone passes (NULL is not true either), but no index matches it.
 * Beside a search through scoped trigram keys — which hold only the scope's bookings already — the
 * planner otherwise ANDs their bitmap with one of the whole organization (idx_bookings_organization,
 * 333,000 entries) or of every name with the fragment (the plain trigram index) to fetch fewer rows:
 * it estimates every one-trigram key at ≈ 3,000 matches. At 1,000,000 bookings an insurer's
 * count of "bre" took 37 ms that way, 4 ms from the keys alone; "ber" 58 → 9 (issue 14).
 */
export const testedOnRowsOnly = (condition: SQL | undefined): SQL | undefined =>
  condition && sql`(${condition}) is true`;

/**
 * testedOnRowsOnly, and estimated as common whatever its values: `coalesce((…), false)` passes
 * exactly the rows `(…) is true` passes, and PostgreSQL reads no pattern's selectivity through it
 * (it guesses a flat half). For a search's rows walked past its count's cap (searchBy "walk"),
 * whose matches the count has just shown to be many. Estimated from the pattern, each call's plan
 * looked cheaper than the kept generic plan ("brenn" in 5% of names), so PostgreSQL planned every
 * call — 1.2–1.9 ms of a search's page at 1,000,000 bookings — to choose the same walk.
 */
export const testedOnRowsAsCommon = (condition: SQL | undefined): SQL | undefined =>
  condition && sql`coalesce((${condition}), false)`;

/**
 * The name's trigrams keyed by each of the viewer's scopes (migration 0026) — and with a Progress
 * filter, by each scope and each stage asked for (migration 0027), so the index holds only the
 * bookings in those stages. Keyed by the scope alone, a name shared by thousands was fetched whole
 * and then tested for its stage: "kowal" in "payment received" read all 9,793 of an insurer's
 * Kowal… bookings to find none (≈ 16 ms at 1,000,000 bookings, issue 14). Each key's expression is
 * its index's, word for word, or the planner would not match them.
 */
function scopedNameTrigrams(scopes: SearchScopes, stages: readonly ProgressStage[], text: string): SQL[] {
  const keyed = (scope: SQL | typeof bookings.organizationId | typeof bookings.specialistId, id: string) =>
    stages.length === 0
      ? [sql`scoped_trigrams(${scope}, ${bookings.examineeName}) @> scoped_trigrams(${id}, ${text})`]
      : stages.map(
          (stage) =>
            sql`scoped_trigrams(${scope} || '/' || ${bookings.currentProgress}, ${bookings.examineeName}) @> scoped_trigrams(${`${id}/${stage}`}, ${text})`,
        );
  return [
    // A platform admin's: one constant scope (migrations 0029, 0034 — PostgreSQL folds
    // 'platform' || '/' to the index's 'platform/'). Keyed by the platform alone, "kowal" in
    // "payment received" read all 29,377 live Kowal… entries to keep 11,914 (the count ≈ 24 → 13 ms).
    ...(scopes.platform ? keyed(sql`'platform'`, "platform") : []),
    ...scopes.organizationIds.flatMap((id) => keyed(bookings.organizationId, id)),
    ...scopes.specialistIds.flatMap((id) => keyed(bookings.specialistId, id)),
  ];
}

/**
 * The run of letters or digits a claim number or reference is best looked up by, when the typed
 * text has more than one: the longest (the last of equals — a serial ends an identifier). A
 * trigram index intersects the posting lists of every trigram of the pattern, and an insurer's
 * identifiers share their prefix: "CLM-2025-336133" read the lists of clm, 202 and 025, which
 * hold every claim on the platform (19 ms at 1,000,000 bookings); "336133" alone reads 0.3 ms.
 * It is a part of the typed text, so what it finds holds every match; the exact ILIKE decides.
 */
function distinctiveRun(text: string): string | null {
  const runs = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (runs.length < 2) return null;
  const longest = runs.reduce((best, run) => (run.length >= best.length ? run : best));
  return longest.length >= 3 ? longest : null;
}

function anyOf(branches: (SQL | undefined)[]): SQL | undefined {
  const present = branches.filter((b): b is SQL => b !== undefined);
  return present.length > 1 ? or(...present) : present[0];
}

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export function filterConditions(
  filters: BookingListFilters = {},
  { stageInKeys = false }: { stageInKeys?: boolean } = {},
): SQL[] {
  const zone = filters.timeZone ?? "UTC";
  const progress = filters.progress?.length ? inArray(bookings.currentProgress, filters.progress) : undefined;
  const conditions: (SQL | undefined)[] = [
    // Literal, not a parameter: the planner can then use partial indexes on live bookings — for
    // "closed" too, which a named statement's generic plan could not see through `in ($1)`.
    filters.status?.length
      ? inEnumWords(bookings.status, BOOKING_STATUSES, filters.status)
      : sql`${bookings.status} <> 'archived'`,
    // A search read through stage-keyed trigrams has the stage in its keys: the stage's own index
    // ANDed in read 85,000 entries ("bre" among Scheduled: 10.8 → 0.1 ms without, testedOnRowsOnly).
    stageInKeys ? testedOnRowsOnly(progress) : progress,
    filters.specialistId ? eq(bookings.specialistId, filters.specialistId) : undefined,
    filters.teamId
      ? filters.teamId === NO_TEAM
        ? isNull(bookings.teamId)
        : eq(bookings.teamId, filters.teamId)
      : undefined,
    filters.organizationId ? eq(bookings.organizationId, filters.organizationId) : undefined,
    // Literal too: a scope may hold almost none of one type (an insurer's 9 telehealth bookings
    // among 196,000), and a kept plan blind to the value walked the scope to find them.
    filters.appointmentType
      ? inEnumWords(bookings.appointmentType, APPOINTMENT_TYPES, [filters.appointmentType])
      : undefined,
    filters.source ? inEnumWords(bookings.source, BOOKING_SOURCES, [filters.source]) : undefined,
    filters.from ? gte(bookings.appointmentDate, zonedTimeToInstant(filters.from, "00:00", zone)) : undefined,
    filters.to
      ? lt(bookings.appointmentDate, zonedTimeToInstant(nextDay(filters.to), "00:00", zone))
      : undefined,
  ];
  return conditions.filter((c): c is SQL => c !== undefined);
}
