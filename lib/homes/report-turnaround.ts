/**
 * The operations view's turnaround chart: median days from examination to report per specialist
 * per month (the month the report was marked ready, in the viewer's zone), over the last
 * CHART_MONTHS months including this one.
 *
 * "Marked ready" is `bookings.report_ready_at`, kept by the database from the progress history
 * (migration 0017): the latest move into "report ready" that no later row took back — so a booking
 * counts once, and not at all while it is back before "report ready". Each specialist's month is
 * one range of 0017's (specialist, report ready) index, which carries the examination time.
 *
 * For the platform-wide view (an admin's) every month is kept once computed, per zone, in
 * `report_turnaround_months` (migration 0019) and read back while the version of its specialist
 * and month is unchanged — the database bumps it whenever a report-ready time in or next to that
 * month appears, moves or goes. The current month too: its range is fixed (the month's first
 * instant to the next month's), so what it holds changes only by such a bump, and a report marked
 * ready bumps it in the same transaction. Computed on every view it cost ≈ 2 ms of PostgreSQL at
 * 1,000,000 bookings early in a month (more as the month fills; kept: ≈ 0.3 ms for all six); now
 * it is computed again after a report is marked ready, once, by the next view. Finished months
 * stay kept through a working day's changes (a report marked ready today bumps only this month
 * and, near its edge, the next).
 * Computing, storing and reading are one statement, so what it returns is exact either way.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { queryNamed } from "@/db/named-statement";
import { bookings } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import { bookingVisibilityCondition } from "@/lib/authz/booking-scope";
import { isPlatformAdmin } from "@/lib/authz/policy";
import { localDateIn, zonedTimeToInstant } from "@/lib/time/zoned";

export const CHART_MONTHS = 6;

export interface ReportTurnaround {
  specialistId: string;
  name: string;
  /** YYYY-MM, the month the report was marked ready (in `zone`). */
  month: string;
  /** Median whole-and-fractional days from the examination to "report ready". */
  medianDays: number;
  reports: number;
}

/** The months the turnaround chart spans, oldest first (YYYY-MM in `zone`). */
export function chartMonths(now: Date, zone: string, months = CHART_MONTHS): string[] {
  const [year, month] = localDateIn(now, zone).split("-").map(Number) as [number, number];
  return Array.from({ length: months }, (_, i) =>
    new Date(Date.UTC(year, month - 1 - (months - 1 - i), 1)).toISOString().slice(0, 7),
  );
}

export async function medianReportDaysBySpecialist(
  db: DbOrTx,
  viewer: Actor,
  now: Date,
  zone: string,
  months = CHART_MONTHS,
): Promise<ReportTurnaround[]> {
  const spanned = chartMonths(now, zone, months);
  const [year, month] = spanned.at(-1)!.split("-").map(Number) as [number, number];
  const next = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 7);
  // Each month's first instant in the zone, and the next month's after the last.
  const edges = [...spanned, next].map((key) => zonedTimeToInstant(`${key}-01`, "00:00", zone).toISOString());
  // Kept months are the whole platform's: a narrower viewer's chart is always computed.
  const keep = sql`${isPlatformAdmin(viewer)}::boolean`;
  const monthRows = sql.join(
    spanned.map((key, i) => sql`(${key}, ${edges[i]}::timestamptz, ${edges[i + 1]}::timestamptz)`),
    sql`, `,
  );
  // Named (db/named-statement.ts): the months reach the walks through the VALUES list, which no
  // plan looks into, so one plan serves every call (planned per call: ≈ 1.1 ms of PostgreSQL's
  // CPU a view at 1,000,000 bookings).
  const rows = await queryNamed<{
    specialist_id: string;
    name: string;
    month: string;
    median_days: number;
    reports: number;
  }>(
    db,
    sql`
    with m(month, starts, ends) as (values ${monthRows}),
    pairs as (
      select s.id, m.month, m.starts, m.ends, coalesce(v.version, 0) as version
        from specialists s
        cross join m
        left join report_turnaround_versions v on v.specialist_id = s.id and v.month = m.month
    ),
    kept as (
      select p.id, p.month, k.median_days, k.reports
        from pairs p
        join report_turnaround_months k
          on k.time_zone = ${zone} and k.month = p.month and k.specialist_id = p.id and k.version = p.version
       where ${keep}
    ),
    -- Materialized: the months to compute are settled before any is (else the planner computes
    -- every month and drops the kept ones after).
    missing as materialized (
      select p.* from pairs p
       where not exists (select 1 from kept where kept.id = p.id and kept.month = p.month)
    ),
    computed as (
      select p.id, p.month, p.version, ready.median_days, ready.reports
        from missing p
        cross join lateral (
          select percentile_cont(0.5) within group (
                   order by extract(epoch from (${bookings.reportReadyAt} - ${bookings.appointmentDate})) / 86400
                 )::float8 as median_days,
                 count(*)::int as reports
            from ${bookings}
           where ${bookings.specialistId} = p.id
             and ${bookings.reportReadyAt} >= p.starts
             and ${bookings.reportReadyAt} < p.ends
             and ${bookingVisibilityCondition(viewer)}
        ) ready
    ),
    stored as (
      insert into report_turnaround_months as k (time_zone, specialist_id, month, version, median_days, reports)
      select ${zone}, id, month, version, median_days, reports from computed where ${keep}
          on conflict (time_zone, month, specialist_id) do update
         set version = excluded.version, median_days = excluded.median_days,
             reports = excluded.reports, computed_at = now()
       where k.version < excluded.version
    )
    select s.id as specialist_id, s.name, r.month, r.median_days, r.reports
      from (select id, month, median_days, reports from kept
            union all
            select id, month, median_days, reports from computed) r
      join specialists s on s.id = r.id
     where r.reports > 0
     order by s.name, s.id, r.month`,
  );
  return rows.map((row) => ({
    specialistId: row.specialist_id,
    name: row.name,
    month: row.month,
    medianDays: Math.round(Number(row.median_days) * 10) / 10,
    reports: row.reports,
  }));
}
