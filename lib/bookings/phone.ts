import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/max";

/** Numbers typed without a country code are read as this country's (the provider is in the US). */
export const DEFAULT_PHONE_COUNTRY: CountryCode = "US";

/** A typed phone number as E.164 (`+12125550100`), or null when it is not a valid number. */
export function normalizePhone(input: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), country);
  return parsed?.isValid() ? parsed.number : null;
}

/** E.164 for people: national format at home, international otherwise; unparseable stays as is. */
export function formatPhone(e164: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  return parsed.country === country ? parsed.formatNational() : parsed.formatInternational();
}
