/**
 * The IANA zones a person can pick from, sorted, with UTC and any zone already in play (stored,
 * or the browser's) included even when this runtime's list leaves it out — a select must be able
 * to show the current value.
 */
export function timeZoneChoices(...current: (string | null)[]): string[] {
  const zones = new Set<string>(Intl.supportedValuesOf("timeZone"));
  zones.add("UTC");
  for (const zone of current) if (zone) zones.add(zone);
  return [...zones].sort((a, b) => a.localeCompare(b));
}
