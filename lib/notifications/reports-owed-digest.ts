import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { specialists, users } from "@/db/schema";
import { loadActor } from "@/lib/authz/load-actor";
import { FALLBACK_TIME_ZONE } from "@/lib/availability/calendar-of";
import { listOwedReports } from "@/lib/homes/specialist-home";
import { localDateIn } from "@/lib/time/zoned";
import { loadEmailPreferences, wantsEmail } from "./preferences";
import { queueDigestOnce } from "./queue-digest-once";

/** One report owed, as the digest e-mail shows it: the booking's reference, never the examinee. */
export interface ReportOwedItem {
  bookingId: string;
  /** The examination's time (ISO). */
  appointmentDate: string;
  /** The zone the e-mail shows that time in — the specialist's calendar's. */
  specialistTimeZone: string;
  /** `YYYY-MM-DD` in the specialist's days (lib/bookings/report-due-date.ts). */
  dueDate: string | null;
  overdue: boolean;
}

/** The most one digest lists; the rest are counted ("and 12 more") — the home lists them all. */
export const DIGEST_ITEMS = 50;

export interface DigestRun {
  /** People who were sent one now. */
  queued: number;
  /** People who had one already today (a retried or doubled run). */
  alreadySent: number;
}

/** Specialists' accounts: linked to a specialist record, not banned (a banned account gets no mail). */
async function specialistUsers(db: Database): Promise<{ id: string; email: string }[]> {
  return db
    .selectDistinct({ id: users.id, email: users.email })
    .from(users)
    .innerJoin(specialists, eq(specialists.userId, users.id))
    .where(sql`coalesce(${users.banned}, false) = false`)
    .orderBy(users.id);
}

/**
 * The specialists' daily digest (PRODUCT.md: reports owed, daily, opt-out): for each specialist
 * whose reports are owed — their home's "Reports owed": the same query (listOwedReports), the
 * same policy scope and order (by due day, so the overdue come first), the same due days (the
 * organization's, kept on the booking) — one `reports_owed_digest` e-mail listing the first
 * DIGEST_ITEMS with their due dates and counting the rest.
 * Nobody owing nothing, or having switched the digest off, gets one. At most one per person per
 * day (`day` in `timeZone`, DIGEST_TIME_ZONE).
 */
export async function sendReportsOwedDigests(db: Database, now: Date, timeZone: string): Promise<DigestRun> {
  const day = localDateIn(now, timeZone);
  const people = await specialistUsers(db);
  const switchedOff = await loadEmailPreferences(
    db,
    people.map((person) => person.id),
  );
  const run: DigestRun = { queued: 0, alreadySent: 0 };
  for (const person of people) {
    if (!wantsEmail(switchedOff.get(person.id), "reports_owed_digest")) continue;
    const actor = await loadActor(db, person.id, null);
    if (!actor) continue;
    const owed = await listOwedReports(db, actor, now, 1, DIGEST_ITEMS);
    if (owed.rows.length === 0) continue;
    const items: ReportOwedItem[] = owed.rows.map((row) => ({
      bookingId: row.id,
      appointmentDate: row.appointmentDate.toISOString(),
      specialistTimeZone: row.specialistTimezone ?? FALLBACK_TIME_ZONE,
      dueDate: row.reportDueOn,
      overdue: row.overdue,
    }));
    const queued = await queueDigestOnce(db, {
      kind: "reports_owed_digest",
      recipientUserId: person.id,
      toAddress: person.email,
      payload: { items, total: owed.total, totalIsCapped: owed.capped },
      day,
    });
    if (queued) run.queued += 1;
    else run.alreadySent += 1;
  }
  return run;
}
