import type { Database } from "@/db/client";
import type { AcuityAppointment, AcuityClient } from "@/lib/acuity";
import { applyAcuityAppointment, type ApplyOutcome } from "./apply-appointment";
import { cancelAbandonedAppointments } from "./cancel-abandoned-appointments";
import { databaseNow } from "./database-now";
import { settleAnsweredEvents } from "./settle-events";
import { explainSyncFailure } from "./sync-failure";
import { getSystemUserId } from "./system-user";

export interface ReconcileReport {
  window: { from: string; to: string };
  seen: number;
  outcomes: Partial<Record<ApplyOutcome["outcome"], number>>;
  failed: { appointmentId: number; error: string }[];
  /**
   * Appointments the portal cannot record as Acuity has them (e.g. entered after their own
   * time): not a failure of the repair — each reason says what a person should do.
   */
  needsAttention: { appointmentId: number; reason: string }[];
  /**
   * One calendar's day that filled a whole page, so it can't be narrowed further: some of its
   * appointments may not have been read. Empty unless pageSize is tiny.
   */
  truncated: { date: string; calendarID: number; canceled: boolean }[];
  /** Appointments the portal made but never saved a booking for, cancelled now; and those Acuity still doesn't answer about. */
  abandoned: { cancelled: number; failed: number };
}

export interface ReconcileOptions {
  /** Acuity's `max` per list call (2000); tests lower it to make pages fill up. */
  pageSize?: number;
}

/** The most appointments one list call returns; a full page means there may be more. */
const DEFAULT_PAGE_SIZE = 2000;
/** Read the window a week at a time, so each chunk's writes follow soon after its read. */
const CHUNK_DAYS = 7;

type Day = string; // YYYY-MM-DD, as Acuity's minDate/maxDate read it (the calendar's day)
const isoDate = (date: Date): Day => date.toISOString().slice(0, 10);
const addDays = (day: Day, days: number): Day => isoDate(new Date(Date.parse(day) + days * 86_400_000));
const daysBetween = (from: Day, to: Day) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * Every appointment (active or cancelled) from `from` to `to`, whatever Acuity's page size: a
 * full page is read again as two halves of the range, a single full day once per calendar.
 */
class WindowReader {
  private calendarIds: Promise<number[]> | null = null;
  readonly truncated: ReconcileReport["truncated"] = [];

  constructor(
    private readonly client: AcuityClient,
    private readonly pageSize: number,
  ) {}

  async read(from: Day, to: Day, canceled: boolean, calendarID?: number): Promise<AcuityAppointment[]> {
    const page = await this.client.listAppointments({
      minDate: from,
      maxDate: to,
      max: this.pageSize,
      calendarID,
      canceled: canceled || undefined,
    });
    if (page.length < this.pageSize) return page;
    if (from < to) {
      const middle = addDays(from, Math.floor(daysBetween(from, to) / 2));
      return [
        ...(await this.read(from, middle, canceled, calendarID)),
        ...(await this.read(addDays(middle, 1), to, canceled, calendarID)),
      ];
    }
    if (calendarID === undefined) {
      this.calendarIds ??= this.client.listCalendars().then((calendars) => calendars.map((c) => c.id));
      const perCalendar = [];
      for (const id of await this.calendarIds) perCalendar.push(...(await this.read(from, to, canceled, id)));
      return perCalendar;
    }
    this.truncated.push({ date: from, calendarID, canceled });
    return page;
  }
}

/**
 * Reads every appointment of a date window from Acuity — active and cancelled — and makes
 * each booking match, so a webhook that never arrived is repaired; an appointment the portal
 * made and gave up on is cancelled. Pending events about an
 * appointment are answered by the same read. Acuity is read outside any transaction; each
 * appointment is then applied in its own short one.
 */
export async function reconcileWindow(
  db: Database,
  client: AcuityClient,
  window: { from: Date; to: Date },
  options: ReconcileOptions = {},
): Promise<ReconcileReport> {
  const systemUserId = await getSystemUserId(db);
  const reader = new WindowReader(client, options.pageSize ?? DEFAULT_PAGE_SIZE);
  const last = isoDate(window.to);
  const report: ReconcileReport = {
    window: { from: isoDate(window.from), to: last },
    seen: 0,
    outcomes: {},
    failed: [],
    needsAttention: [],
    truncated: reader.truncated,
    abandoned: { cancelled: 0, failed: 0 },
  };
  for (let start = isoDate(window.from); start <= last; start = addDays(start, CHUNK_DAYS)) {
    const end = addDays(start, CHUNK_DAYS - 1) < last ? addDays(start, CHUNK_DAYS - 1) : last;
    const readStartedAt = await databaseNow(db);
    const appointments = [
      ...(await reader.read(start, end, false)),
      ...(await reader.read(start, end, true)),
    ];
    for (const appointment of appointments) {
      report.seen += 1;
      try {
        const outcome = await db.transaction(async (tx) => {
          // Settled first, as the worker does, so the audit row names the events this read answered.
          const eventIds = await settleAnsweredEvents(tx, String(appointment.id), [], readStartedAt);
          return (
            await applyAcuityAppointment(tx, appointment, {
              systemUserId,
              readStartedAt,
              eventIds,
              trigger: "reconcile",
            })
          ).outcome;
        });
        report.outcomes[outcome] = (report.outcomes[outcome] ?? 0) + 1;
      } catch (error) {
        const failure = explainSyncFailure(error, String(appointment.id));
        if (failure.retry) report.failed.push({ appointmentId: appointment.id, error: failure.message });
        else report.needsAttention.push({ appointmentId: appointment.id, reason: failure.message });
      }
    }
  }
  // Settles what the window turned up (and anything else owed): appointments the portal gave up on are cancelled.
  const abandoned = await cancelAbandonedAppointments(db, client);
  report.abandoned = { cancelled: abandoned.cancelled, failed: abandoned.failed };
  return report;
}
