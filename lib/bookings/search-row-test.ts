/**
 * A search tested on the bookings a walk passes, read case-folded from the walk's index.
 *
 * A search walked in date order (a common fragment's count, two letters, a search's rows past its
 * count's cap) tests every booking it passes, through a date-walk index whose entries carry the
 * name, claim number and reference (migrations 0028, 0033). ILIKE and `~*` case-fold each text on
 * every row: at 1,000,000 bookings the three ILIKEs cost ≈ 0.5 µs a booking, five times the
 * entry's own read — most of a broad search's walk (issue 14). Those indexes also hold the three
 * folded into one text (migration 0035), so one plain LIKE on it tests the same thing:
 * PostgreSQL's ILIKE is exactly `lower(text) LIKE lower(pattern)`, for typed text of printable
 * ASCII `lower(pattern)` is JavaScript's toLowerCase, and such a pattern (no line break) can only
 * match inside one of the three lines.
 */
import { sql, type SQL } from "drizzle-orm";
import { containsPattern } from "@/db/like-pattern";
import { bookings } from "@/db/schema";
import type { SearchTerms } from "./search-terms";

const searchedText = sql`${bookings.examineeName} || chr(10) || coalesce(${bookings.claimNumber}, '') || chr(10) || coalesce(${bookings.caseManagerReference}, '')`;

/**
 * Migration 0035's index expression, word for word (the planner matches the index's column by
 * it): name, claim number and reference on three lines, lower-cased — NULL past 300 bytes, which
 * the index does not hold (its entry must stay under btree's 2,704 bytes).
 */
export const foldedSearchText = sql`(case when octet_length(${searchedText}) <= 300 then lower(${searchedText}) end)`;

const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/** Whether a typed text is tested read folded (printable ASCII): else ILIKE / `~*` fold every row. */
export const isTestedFolded = (text: string) => PRINTABLE_ASCII.test(text);

type NameTerm = NonNullable<SearchTerms["name"]>;

/**
 * A text matched anywhere in the name, claim number or reference, read folded: `exact` (the three
 * ILIKEs) decides where the index holds no folded text. Null when the typed text is not printable
 * ASCII — its case-folding is PostgreSQL's to do, and the caller tests it as before.
 */
export function foldedAnywhereTest(name: NameTerm, exact: SQL): SQL | null {
  if (name.match !== "anywhere" || !isTestedFolded(name.text)) return null;
  return sql`coalesce(${foldedSearchText} like ${containsPattern(name.text.toLowerCase())}, ${exact})`;
}

/**
 * Two letters starting a word of the name: tested by `regex` only where the folded text holds
 * them at all (at 1,000,000 bookings, "ma" is in 15% of names and starts a word in 10%), so most
 * bookings are passed by one LIKE. A CASE, not an AND: PostgreSQL orders an AND's conditions by
 * its own cost estimates and ran the regex first. Where the index holds no folded text the regex
 * decides alone. Null for letters that are not ASCII.
 */
export function foldedWordStartTest(name: NameTerm, regex: SQL): SQL | null {
  if (name.match !== "word-start" || !isTestedFolded(name.text)) return null;
  const held = sql`${foldedSearchText} like ${containsPattern(name.text.toLowerCase())}`;
  return sql`(case when coalesce(${held}, true) then ${regex} else false end)`;
}
