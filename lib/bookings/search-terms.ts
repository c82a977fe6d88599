/**
 * What the bookings search box searches for a typed text — shared by the query (server) and
 * the hint under the box (browser), so the two never disagree. No heavy imports: it ships to
 * the browser.
 *
 * Three letters or digits match anywhere in a name, phone, claim number or case manager's
 * reference (a phone only when no letter was typed): shorter ones match nearly everything. Two letters still find short names ("Ng", "Li", "Wu") where a word of the name
 * starts with them.
 */
export const MIN_SEARCH_LENGTH = 3;

export interface SearchTerms {
  /** How the examinee name is matched, if at all. */
  name: { text: string; match: "anywhere" | "word-start" } | null;
  /** The phone digits to find (any part of the number), if enough were typed. */
  phoneDigits: string | null;
  /** Text to find in the claim number and the case manager's reference (any part), if enough was typed. */
  reference: string | null;
}

export function searchTerms(typed: string | undefined): SearchTerms {
  const text = typed?.trim() ?? "";
  // Phone search ignores spaces, dashes, brackets and "+". Text with a letter is a name or an
  // identifier, not a phone number: "CLM-2025-336133" is not looked up among phones as 2025336133.
  const digits = /\p{L}/u.test(text) ? "" : text.replace(/\D/g, "");
  const name =
    text.length >= MIN_SEARCH_LENGTH
      ? { text, match: "anywhere" as const }
      : /^\p{L}{2}$/u.test(text)
        ? { text, match: "word-start" as const }
        : null;
  return {
    name,
    phoneDigits: digits.length >= MIN_SEARCH_LENGTH ? digits : null,
    // Claim numbers mix letters, digits and dashes ("NW-2024-0042"): matched as typed, any part.
    reference: text.length >= MIN_SEARCH_LENGTH ? text : null,
  };
}
