import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

/** Numbers typed without a country code are read as this country's (the provider is in the US). */
export const DEFAULT_PHONE_COUNTRY: CountryCode = "US";

/** A typed phone number as E.164 (`+12125550100`), or null when it is not a valid number. */
export function normalizePhone(input: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), country);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * How many formatted numbers are remembered. Formatting parses the number against the metadata's
 * patterns (for +1, each country of the plan in turn): ≈ 30 µs a number, 25 a bookings page —
 * ≈ 0.7 ms of a page's ≈ 26 ms of server time (issue 14). The same bookings are drawn again and
 * again (lists, homes, the booking page); a number formats the same every time, so it is kept.
 * 5,000 short strings is a few hundred kB; when full the memory is dropped and starts again.
 */
const FORMATTED_KEPT = 5_000;
const formatted = new Map<string, string>();

/** E.164 for people: national format at home, international otherwise; unparseable stays as is. */
export function formatPhone(e164: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string {
  const key = `${country}|${e164}`;
  const kept = formatted.get(key);
  if (kept !== undefined) return kept;
  const parsed = parsePhoneNumberFromString(e164);
  const text = !parsed
    ? e164
    : parsed.country === country
      ? parsed.formatNational()
      : parsed.formatInternational();
  if (formatted.size >= FORMATTED_KEPT) formatted.clear();
  formatted.set(key, text);
  return text;
}
