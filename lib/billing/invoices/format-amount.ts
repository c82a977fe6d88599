/**
 * Money is integer minor units everywhere; it becomes "AUD 1,234.50" only at the edge (the PDF,
 * the screens, the CSV). The currency's own number of decimals comes from Intl (JPY has none).
 */
const digitsCache = new Map<string, number>();

export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ??
      2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** "1234.50" (no grouping, "-" for a credit): what an accounting import reads. */
export function decimalOf(amountMinor: number, currency: string): string {
  const digits = currencyDigits(currency);
  const negative = amountMinor < 0;
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, "0");
  const whole = digits ? text.slice(0, -digits) : text;
  const fraction = digits ? `.${text.slice(-digits)}` : "";
  return `${negative ? "-" : ""}${whole}${fraction}`;
}

/** "AUD 1,234.50" (a credit: "AUD -1,234.50") for people: the code, not a symbol, since "$" is several currencies. */
export function formatAmount(amountMinor: number, currency: string): string {
  const [whole = "0", fraction] = decimalOf(Math.abs(amountMinor), currency).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${currency} ${amountMinor < 0 ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

/** Tax of one line: rounded half away from zero to the minor unit (basis points: 1000 = 10 %). */
export function taxOf(amountMinor: number, rateBasisPoints: number): number {
  const exact = (amountMinor * rateBasisPoints) / 10_000;
  return Math.sign(exact) * Math.round(Math.abs(exact));
}
