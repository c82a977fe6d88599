import { and, gte, lte, ne } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { selectSpecialistBookings, type SpecialistBookingRow } from "./specialist-booking-rows";
import { addDaysToKey, dayKeyInZone } from "./zoned-days";

export interface AgendaDay {
  /** YYYY-MM-DD in the specialist's zone. */
  day: string;
  isToday: boolean;
  examinations: SpecialistBookingRow[];
}

/** Wide enough to hold today and the next `days` days in any zone (UTC−12 … UTC+14). */
const SLACK_MS = 36 * 3_600_000;

/**
 * The viewer's examinations today and over the next `days` days, each day read in the
 * specialist's own time zone, grouped by day (days without examinations omitted).
 * Cancelled appointments are not examinations to attend and are left out, and so are archived
 * bookings (done with, like every default list).
 */
export async function listSpecialistAgenda(
  db: DbOrTx,
  viewer: Actor,
  now: Date,
  days = 14,
): Promise<AgendaDay[]> {
  const rows = await selectSpecialistBookings(
    db,
    viewer,
    and(
      ne(bookings.currentProgress, "cancelled"),
      ne(bookings.status, "archived"),
      gte(bookings.appointmentDate, new Date(now.getTime() - SLACK_MS)),
      lte(bookings.appointmentDate, new Date(now.getTime() + days * 86_400_000 + SLACK_MS)),
    ),
  );
  const byDay = new Map<string, AgendaDay>();
  for (const row of rows) {
    const zone = row.specialistTimezone ?? "UTC";
    const today = dayKeyInZone(now, zone);
    const day = dayKeyInZone(row.appointmentDate, zone);
    if (day < today || day > addDaysToKey(today, days)) continue;
    const entry = byDay.get(day) ?? { day, isToday: day === today, examinations: [] };
    entry.examinations.push(row);
    byDay.set(day, entry);
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}
