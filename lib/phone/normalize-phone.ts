import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";

/** Numbers without a country code are read as this country's. */
export const DEFAULT_PHONE_COUNTRY: CountryCode = "US";

/** E.164 (`+12125550100`) when the number is valid, else null. */
export function toE164(raw: string, country: CountryCode = DEFAULT_PHONE_COUNTRY): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), country);
  return parsed?.isValid() ? parsed.number : null;
}
