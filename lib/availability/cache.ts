import { TtlCache } from "./ttl-cache";

/**
 * Availability answers are kept this long: long enough that browsing a month (and many
 * people browsing the same specialist) costs Acuity one request per question, short enough
 * that a slot taken elsewhere disappears quickly. Booking always re-checks with Acuity.
 */
export const AVAILABILITY_TTL_MS = 20_000;

type Holder = { availability?: TtlCache<unknown> };
// One cache per server process, surviving Next dev's module reloads.
const holder = ((globalThis as Record<string, unknown>).__imePortalAvailability ??= {}) as Holder;

export function availabilityCache(): TtlCache<unknown> {
  holder.availability ??= new TtlCache<unknown>(AVAILABILITY_TTL_MS);
  return holder.availability;
}

export const calendarKeyPrefix = (calendarId: string) => `cal:${calendarId}:`;

/** After the portal books, moves or cancels on a calendar, its cached slots are stale. */
export function forgetCalendarAvailability(calendarId: string): void {
  availabilityCache().forget(calendarKeyPrefix(calendarId));
}
