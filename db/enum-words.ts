import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { sqlList } from "./schema/enums";

/**
 * Enum words written into a statement's text rather than sent as parameters: the planner proves a
 * partial index's predicate (`status <> 'archived'`, the owed stages…), and estimates each value
 * from its statistics, only from constants it can see — a named statement's generic plan sees
 * neither through `$1`. Each word is checked against its enum's list first (a list of lowercase
 * words), so nothing but those known words ever reaches the text.
 */
function knownWords<T extends string>(allowed: readonly T[], words: readonly T[]): readonly T[] {
  for (const word of words) {
    if (!allowed.includes(word) || !/^[a-z_]+$/.test(word)) throw new RangeError("not a word of this enum");
  }
  return words;
}

/** `column in ('a', 'b')`. */
export const inEnumWords = <T extends string>(
  column: SQLWrapper,
  allowed: readonly T[],
  words: readonly T[],
): SQL => sql`${column} in (${sql.raw(sqlList(knownWords(allowed, words)))})`;

/** `('a'), ('b')`: the rows of a VALUES list, one word each. */
export const enumWordRows = <T extends string>(allowed: readonly T[], words: readonly T[]): SQL =>
  sql.raw(
    knownWords(allowed, words)
      .map((word) => `('${word}')`)
      .join(", "),
  );
