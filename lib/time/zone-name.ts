import { offsetMinutesAt } from "./zoned";

/**
 * ICU keeps each zone abbreviation only in the locales whose people use it: en-US says "EST"
 * but "GMT+11" for Sydney, en-AU says "AEDT" but "GMT-5" for New York. So English locales are
 * asked in turn and the first real abbreviation wins. Abbreviations are per zone in ICU's data,
 * so a later locale never names a zone with another zone's letters.
 */
const LOCALES = ["en-US", "en-CA", "en-AU", "en-NZ", "en-GB", "en-IE", "en-IN", "en-ZA", "en-SG"] as const;

/** What ICU answers when it knows no abbreviation: an offset ("GMT+11", "GMT-3:30"). Bare "GMT" is London's real name. */
const OFFSET_ONLY = /^(GMT|UTC)[+-]\d/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function shortNameIn(locale: string, instant: Date, zone: string): string {
  const key = `${locale}|${zone}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { timeZone: zone, timeZoneName: "short" });
    formatters.set(key, formatter);
  }
  return formatter.formatToParts(instant).find((part) => part.type === "timeZoneName")?.value ?? "";
}

/** "UTC+9", "UTC-3:30", "UTC": the offset, written the way people write it when there is no name. */
function utcOffsetName(instant: Date, zone: string): string {
  const minutes = offsetMinutesAt(instant, zone);
  if (minutes === 0) return "UTC";
  const sign = minutes > 0 ? "+" : "-";
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, "0")}` : ""}`;
}

const abbreviations = new Map<string, string>();

/**
 * The zone's name as people read it at `instant` (daylight saving included): "EST", "AEDT", "BST",
 * else "UTC+9". A zone's name follows its offset (EST at -5, EDT at -4), so it is looked up once
 * per zone and offset — up to nine ICU calls each, for every time on every page otherwise.
 */
export function zoneAbbreviation(instant: Date, zone: string): string {
  if (typeof window !== "undefined") return abbreviationFromIcu(instant, zone); // the memo is the server's, as in zoned.ts
  const key = `${zone}|${offsetMinutesAt(instant, zone)}`;
  let name = abbreviations.get(key);
  if (name === undefined) {
    name = abbreviationFromIcu(instant, zone);
    abbreviations.set(key, name);
  }
  return name;
}

function abbreviationFromIcu(instant: Date, zone: string): string {
  for (const locale of LOCALES) {
    const name = shortNameIn(locale, instant, zone);
    if (name && !OFFSET_ONLY.test(name)) return name;
  }
  return utcOffsetName(instant, zone);
}

/** "America/New_York" → "New York", "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zonePlace(zone: string): string {
  return (zone.split("/").pop() ?? zone).replace(/_/g, " ");
}
