/**
 * The city of a specialist's address: addresses are written "street, city, state"
 * (Acuity's calendar location), so the city is the part before the last comma.
 */
export function cityOf(location: string | null): string | null {
  if (!location) return null;
  const parts = location
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.length >= 2 ? parts[parts.length - 2]! : (parts[0] ?? null);
}
