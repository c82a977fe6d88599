/**
 * Money as people type and read it, and as the database keeps it: an integer number of minor
 * units (cents) of a currency. Never a float on the way — "0.1 + 0.2" is a bug class, not a
 * rounding question.
 */

/** How many minor units a currency has (2 for CAD, 0 for JPY, 3 for BHD), as Intl knows it. */
export function minorDigitsOf(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

/** Upper-case ISO 4217 codes Intl accepts; anything else is refused before it reaches a schedule. */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  try {
    new Intl.NumberFormat("en", { style: "currency", currency: code });
    return true;
  } catch {
    return false;
  }
}

/** The largest amount a schedule or charge holds: the INTEGER column's range, in minor units. */
export const MAX_MINOR = 2_147_483_647;

/**
 * "450", "450.00", "1,250.5", "$450.00" → 45000 (for a 2-digit currency). Returns null for
 * anything that is not a plain non-negative amount with at most the currency's decimals —
 * "4.505", "-3", "1e3", "", "12.3.4" — so the form can say "Enter an amount like 450.00".
 */
export function parseMoney(text: string, currency: string): number | null {
  const digits = minorDigitsOf(currency);
  const cleaned = text
    .trim()
    .replace(/^[$€£]/, "")
    .replace(/,(?=\d{3}(\D|$))/g, "");
  const match = /^(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  if (fraction.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(minor) && minor <= MAX_MINOR ? minor : null;
}

/** 45000, "CAD" → "$450.00" (en-CA) — Intl does the symbol, grouping and decimals. */
export function formatMoney(minor: number, currency: string, locale = "en-CA"): string {
  const digits = minorDigitsOf(currency);
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(minor / 10 ** digits);
}

/** 45000, "CAD" → "450.00": the value an input shows back, without symbol or grouping. */
export function moneyInputValue(minor: number, currency: string): string {
  const digits = minorDigitsOf(currency);
  const whole = Math.floor(minor / 10 ** digits);
  const fraction = String(minor % 10 ** digits).padStart(digits, "0");
  return digits === 0 ? String(whole) : `${whole}.${fraction}`;
}

/** "13", "13.0", "13.00 %" → 1300 basis points; at most two decimals, 0–100 %. */
export function parsePercent(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{0,2}))?$/.exec(text.trim().replace(/\s*%$/, ""));
  if (!match) return null;
  const [, whole, fraction = ""] = match;
  const points = Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
  return points <= 10_000 ? points : null;
}

/** 1300 → "13.00" (the input's value); formatPercent adds the sign. */
export const percentInputValue = (basisPoints: number) => (basisPoints / 100).toFixed(2);
export const formatPercent = (basisPoints: number) => `${percentInputValue(basisPoints)} %`;

/**
 * The tax on an amount, rounded half up to a whole minor unit — per line, which is how the
 * invoice adds it (each line's tax is what its charge says).
 */
export const taxOf = (amountMinor: number, taxRateBasisPoints: number) =>
  Math.floor((amountMinor * taxRateBasisPoints + 5_000) / 10_000);
