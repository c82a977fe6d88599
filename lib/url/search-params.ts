/** A page's search params as Next hands them over: a key may repeat, or be missing. */
export type SearchParamRecord = Record<string, string | string[] | undefined>;

/** The first value of a search param, trimmed; "" when missing. */
export const firstParam = (value: string | string[] | undefined): string =>
  (Array.isArray(value) ? value[0] : value)?.trim() ?? "";
