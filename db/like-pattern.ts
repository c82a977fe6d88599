/** Typed text as a LIKE/ILIKE pattern's literal part: LIKE's wildcards and its escape made plain. */
const escapeLike = (value: string): string => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A pattern matching typed text anywhere (`%text%`), the text taken literally. */
export const containsPattern = (value: string): string => `%${escapeLike(value)}%`;
