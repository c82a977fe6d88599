import { and, asc, eq, ilike, isNotNull, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { containsPattern } from "@/db/like-pattern";
import { specialists } from "@/db/schema";
import { cityOf } from "./city";
import { specialistSummaryColumns } from "@/lib/specialists/specialist-columns";

export interface SpecialistFilters {
  specialty?: string;
  city?: string;
  /** Only specialists whose calendar offers telehealth (needs `telehealthCalendars`). */
  telehealth?: boolean;
}

export interface SpecialistCard {
  id: string;
  name: string;
  specialty: string;
  /** Street address; null = telehealth only. */
  location: string | null;
  city: string | null;
  timezone: string | null;
  acuityCalendarId: string;
  offersInPerson: boolean;
  offersTelehealth: boolean;
}

/**
 * Active specialists for the finder, by name. Specialists are the provider's catalogue, not
 * tenant data: anyone who may book sees them all. `telehealthCalendars` comes from Acuity's
 * appointment types (null = unknown, then everyone is assumed to offer it).
 */
export async function listActiveSpecialists(
  db: DbOrTx,
  filters: SpecialistFilters = {},
  telehealthCalendars: Set<string> | null = null,
): Promise<SpecialistCard[]> {
  const conditions: SQL[] = [eq(specialists.isActive, true)];
  if (filters.specialty) conditions.push(eq(specialists.specialty, filters.specialty));
  if (filters.city)
    conditions.push(
      isNotNull(specialists.location),
      ilike(specialists.location, containsPattern(filters.city)),
    );
  const rows = await db
    .select(specialistSummaryColumns)
    .from(specialists)
    .where(and(...conditions))
    .orderBy(asc(specialists.name));
  return rows
    .map((row) => ({
      ...row,
      city: cityOf(row.location),
      offersInPerson: row.location !== null,
      offersTelehealth: telehealthCalendars === null || telehealthCalendars.has(row.acuityCalendarId),
    }))
    .filter((row) => !filters.telehealth || row.offersTelehealth)
    .filter((row) => !filters.city || row.city?.toLowerCase() === filters.city.toLowerCase());
}
