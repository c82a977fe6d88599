import type { Metadata } from "next";
import Link from "next/link";
import { BookingListSection } from "@/components/homes/booking-list-section";
import { countLabel, HomeSection } from "@/components/homes/home-section";
import { TurnaroundChart } from "@/components/homes/turnaround-chart";
import { WeeklyStageChart } from "@/components/homes/weekly-stage-chart";
import { STAGE_NAMES } from "@/lib/bookings/progress/stage-names";
import { Timestamp } from "@/components/ui/timestamp";
import { RowLinksArea } from "@/components/ui/row-links-area";
import { getDb } from "@/db/client";
import { PROGRESS_STAGES } from "@/db/schema/enums";
import { requireAdminConsole } from "@/lib/admin/require-admin";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { loadAdminHome } from "@/lib/homes/admin-home";
import { localDateIn } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "Operations" };

/** Lines drawn in the turnaround chart (the busiest specialists); the table lists everyone. */
const CHART_SERIES = 6;

// Made once: a formatter costs ≈ 140 µs to make (≈ 1 µs to use), and the page labels dozens of weeks and months.
const WEEK_LABEL = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
const MONTH_LABEL = new Intl.DateTimeFormat("en-US", { month: "short", year: "numeric", timeZone: "UTC" });
const weekLabel = (monday: string) => WEEK_LABEL.format(new Date(`${monday}T12:00:00Z`));
const monthLabel = (month: string) => MONTH_LABEL.format(new Date(`${month}-15T12:00:00Z`));

const cell = "px-2 py-1.5 text-right tabular-nums";
const headCell = "px-2 py-1.5 text-left font-semibold";
const link = "font-medium text-indigo-700 underline hover:text-indigo-900";

/** A table that may be wider than a phone scrolls inside its own focusable box, never the page. */
function TableBox({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div
      className="relative mt-2 max-w-full overflow-x-auto rounded border border-slate-200"
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      {children}
    </div>
  );
}

/**
 * The admin console's home: today across all specialists, overdue reports by specialist, what
 * waits for a person (webhooks, e-mails), and two charts with their numbers as tables.
 */
export default async function OperationsPage() {
  const actor = await requireAdminConsole();
  const now = new Date();
  const viewerZone = await viewerTimeZone();
  const zone = viewerZone ?? "UTC";
  const home = await loadAdminHome(getDb(), actor, now, zone);
  const today = localDateIn(now, zone);
  const { needsPerson } = home;

  // Turnaround: a row per specialist, a column per month; the chart draws the busiest few.
  const bySpecialist = new Map<
    string,
    { name: string; total: number; months: Map<string, { median: number; reports: number }> }
  >();
  for (const row of home.turnaround) {
    const entry = bySpecialist.get(row.specialistId) ?? { name: row.name, total: 0, months: new Map() };
    entry.total += row.reports;
    entry.months.set(row.month, { median: row.medianDays, reports: row.reports });
    bySpecialist.set(row.specialistId, entry);
  }
  const specialistsByName = [...bySpecialist.entries()].sort((a, b) => a[1].name.localeCompare(b[1].name));
  const series = [...bySpecialist.entries()]
    .sort((a, b) => b[1].total - a[1].total)
    .slice(0, CHART_SERIES)
    .map(([specialistId, entry]) => ({
      specialistId,
      name: entry.name,
      values: home.months.map((month) => entry.months.get(month)?.median ?? null),
    }));

  return (
    <RowLinksArea className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">Operations</h1>
        <p className="mt-1 text-sm text-slate-700">
          Today across all specialists, what is overdue, and what waits for a person. Examination times are in
          each specialist&apos;s zone; weeks and months in yours.
        </p>
      </header>

      <div className="grid gap-4 lg:grid-cols-2">
        <BookingListSection
          title="Today's examinations"
          list={home.today}
          viewerZone={viewerZone}
          testId="admin-today"
          itemTestId="admin-today-item"
          showPapers
          seeAll={{
            href: `/bookings?view=all&from=${today}&to=${today}`,
            label: "See all of today's examinations",
          }}
          empty="No examinations today on any specialist's calendar."
        />

        <HomeSection
          title="Overdue reports by specialist"
          total={home.overdueBySpecialist.length}
          shown={home.overdueBySpecialist.length}
          testId="admin-overdue"
          empty="No report is past its due day."
        >
          <TableBox label="Overdue reports by specialist">
            <table className="w-full text-sm">
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={headCell}>
                    Specialist
                  </th>
                  <th scope="col" className={`${headCell} text-right`}>
                    Overdue
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {home.overdueBySpecialist.map((row) => (
                  <tr
                    key={row.specialistId}
                    data-testid="admin-overdue-row"
                    data-specialist-id={row.specialistId}
                  >
                    <th scope="row" className="px-2 py-1.5 text-left font-normal">
                      <Link
                        className={link}
                        href={`/bookings?view=past&specialist=${encodeURIComponent(row.specialistId)}&progress=scheduled,rescheduled,generating_report`}
                      >
                        {row.name}
                      </Link>
                    </th>
                    <td className={cell}>{countLabel(row.overdue, row.capped)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </HomeSection>

        <HomeSection
          title="Webhook events that need a person"
          total={needsPerson.webhooks.total}
          shown={needsPerson.webhooks.rows.length}
          testId="admin-webhooks"
          tone="attention"
          seeAll={{ href: "/admin/webhooks?status=failed", label: "Open the failed webhook events" }}
          empty="Every webhook event was processed or is still being retried."
        >
          <ul className="divide-y divide-slate-100 text-sm">
            {needsPerson.webhooks.rows.map((row) => (
              <li key={row.id} className="py-2">
                <span className="font-medium">{row.eventType}</span> · appointment {row.resourceId} ·{" "}
                <Timestamp instant={row.createdAt} viewerZone={viewerZone} />
                {row.error && <span className="line-clamp-2 block text-slate-700">{row.error}</span>}
              </li>
            ))}
          </ul>
        </HomeSection>

        <HomeSection
          title="E-mails that could not be delivered"
          total={needsPerson.emails.total}
          shown={needsPerson.emails.rows.length}
          testId="admin-emails"
          tone="attention"
          seeAll={{ href: "/admin/outbox?status=failed", label: "Open the failed e-mails in the outbox" }}
          empty="Every e-mail was delivered or is still being retried."
        >
          <ul className="divide-y divide-slate-100 text-sm">
            {needsPerson.emails.rows.map((row) => (
              <li key={row.id} className="py-2">
                <span className="font-medium">{row.kind.replaceAll("_", " ")}</span> ·{" "}
                <Timestamp instant={row.createdAt} viewerZone={viewerZone} />
                {row.error && <span className="line-clamp-2 block text-slate-700">{row.error}</span>}
              </li>
            ))}
          </ul>
        </HomeSection>
      </div>

      <section
        aria-labelledby="chart-weekly-heading"
        className="rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="chart-weekly-heading" className="text-lg font-semibold">
          Examinations per week by stage
        </h2>
        <p className="text-sm text-slate-700">
          The last 12 weeks by examination time, each booking in its current stage.
        </p>
        <div className="mt-3">
          <WeeklyStageChart
            name="Stacked bar chart of examinations per week by stage, the last 12 weeks; the same numbers are in the table below."
            weeks={home.weekly.map((week) => ({ label: weekLabel(week.week), counts: week.counts }))}
          />
        </div>
        <details className="mt-3" data-testid="table-weekly-stages">
          <summary className="inline-flex min-h-6 cursor-pointer items-center text-sm font-medium text-indigo-800 underline">
            Show as table
          </summary>
          <TableBox label="Examinations per week by stage, as a table">
            <table className="w-full text-sm">
              <caption className="sr-only">Examinations per week by stage</caption>
              <thead className="bg-slate-50">
                <tr>
                  <th scope="col" className={headCell}>
                    Week of
                  </th>
                  {PROGRESS_STAGES.map((stage) => (
                    <th key={stage} scope="col" className={`${headCell} text-right`}>
                      {STAGE_NAMES[stage]}
                    </th>
                  ))}
                  <th scope="col" className={`${headCell} text-right`}>
                    Total
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {home.weekly.map((week) => (
                  <tr key={week.week}>
                    <th scope="row" className="px-2 py-1.5 text-left font-normal whitespace-nowrap">
                      {weekLabel(week.week)}
                    </th>
                    {PROGRESS_STAGES.map((stage) => (
                      <td key={stage} className={cell}>
                        {week.counts[stage].toLocaleString("en-US")}
                      </td>
                    ))}
                    <td className={`${cell} font-semibold`}>
                      {Object.values(week.counts)
                        .reduce((sum, n) => sum + n, 0)
                        .toLocaleString("en-US")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </details>
      </section>

      <section
        aria-labelledby="chart-turnaround-heading"
        className="rounded-lg border border-slate-200 bg-white p-4"
      >
        <h2 id="chart-turnaround-heading" className="text-lg font-semibold">
          Days from examination to report
        </h2>
        <p className="text-sm text-slate-700">
          Median per specialist per month (the month the report was marked ready), the last 6 months. The
          chart draws the {CHART_SERIES} specialists with the most reports; the table lists all.
        </p>
        {specialistsByName.length === 0 ? (
          <p className="mt-3 text-sm text-slate-700" data-testid="turnaround-empty">
            No report was marked ready in the last 6 months.
          </p>
        ) : (
          <>
            <div className="mt-3">
              <TurnaroundChart
                name={`Line chart of median days from examination to report per month for the ${series.length} specialists with the most reports; every specialist's numbers are in the table below.`}
                months={home.months.map(monthLabel)}
                series={series}
              />
            </div>
            <details className="mt-3" data-testid="table-turnaround">
              <summary className="inline-flex min-h-6 cursor-pointer items-center text-sm font-medium text-indigo-800 underline">
                Show as table
              </summary>
              <TableBox label="Median days from examination to report, as a table">
                <table className="w-full text-sm">
                  <caption className="sr-only">
                    Median days from examination to report per specialist per month (reports in brackets)
                  </caption>
                  <thead className="bg-slate-50">
                    <tr>
                      <th scope="col" className={headCell}>
                        Specialist
                      </th>
                      {home.months.map((month) => (
                        <th key={month} scope="col" className={`${headCell} text-right whitespace-nowrap`}>
                          {monthLabel(month)}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {specialistsByName.map(([specialistId, entry]) => (
                      <tr key={specialistId}>
                        <th scope="row" className="px-2 py-1.5 text-left font-normal">
                          {entry.name}
                        </th>
                        {home.months.map((month) => {
                          const value = entry.months.get(month);
                          return (
                            <td key={month} className={`${cell} whitespace-nowrap`}>
                              {value ? `${value.median} d (${value.reports})` : "—"}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableBox>
            </details>
          </>
        )}
      </section>
    </RowLinksArea>
  );
}
