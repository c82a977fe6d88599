import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BookingLine } from "@/components/homes/booking-line";
import { BookingListSection } from "@/components/homes/booking-list-section";
import { countLabel, dueDay } from "@/components/homes/home-section";
import { WeekGrid } from "@/components/homes/week-grid";
import { WeekItems } from "@/components/homes/week-item";
import { RowLinksArea } from "@/components/ui/row-links-area";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { hasSpecialistWorkspace } from "@/lib/authz/policy";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { loadSpecialistHome, type OwedReport } from "@/lib/homes/specialist-home";
import { mondayOf } from "@/lib/homes/shared";
import { firstParam, type SearchParamRecord } from "@/lib/url/search-params";
import { addDays, localDateIn } from "@/lib/time/zoned";

export const metadata: Metadata = { title: "My examinations" };

// Made once: a formatter costs ≈ 140 µs to make (≈ 1 µs to use), and the week labels each of its days.
const DAY_LABELS = {
  long: new Intl.DateTimeFormat("en-US", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" }),
  short: new Intl.DateTimeFormat("en-US", {
    weekday: "short",
    day: "numeric",
    month: "short",
    timeZone: "UTC",
  }),
};
const dayLabel = (key: string, style: "long" | "short") =>
  DAY_LABELS[style].format(new Date(`${key}T12:00:00Z`));

const weekRange = (start: string) =>
  `${dayLabel(start, "short")} – ${dayLabel(addDays(start, 6), "short")}, ${addDays(start, 6).slice(0, 4)}`;

function dueText(row: OwedReport) {
  if (!row.reportDueOn) return "No due day";
  if (row.overdue)
    return `Overdue by ${row.daysOverdue} day${row.daysOverdue === 1 ? "" : "s"} · was due ${dueDay(row.reportDueOn)}`;
  if (row.daysOverdue === 0) return `Due today, ${dueDay(row.reportDueOn)}`;
  return `Due ${dueDay(row.reportDueOn)} (in ${-row.daysOverdue} day${row.daysOverdue === -1 ? "" : "s"})`;
}

/**
 * A day's examinations past the week's DAY_LIMIT, in the bookings list: that day, in time order.
 * The list reads days in the viewer's zone, the week in the calendar's — the same day for a
 * specialist working where their calendar is.
 */
function dayInBookingsHref(day: string, specialistIds: string[]) {
  const query = new URLSearchParams({ view: "all", from: day, to: day, sort: "appointmentDate.asc" });
  if (specialistIds.length === 1) query.set("specialist", specialistIds[0]!);
  return `/bookings?${query.toString()}`;
}

const pageLink = "font-medium text-indigo-700 underline hover:text-indigo-900";
const weekLink =
  "inline-flex min-h-8 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium text-slate-800 underline hover:bg-slate-50";

/**
 * The specialist's home: what needs them (briefs missing, attendance to confirm), their week in
 * their calendar's zone (`?week=` any day of it), and the reports they owe by due day, overdue
 * first, ten at a time (`?owed=` page).
 */
export default async function SpecialistHomePage({
  searchParams,
}: {
  searchParams: Promise<SearchParamRecord>;
}) {
  const actor = await requireActor();
  if (!hasSpecialistWorkspace(actor)) notFound();
  const params = await searchParams;
  const owedPage = Math.max(1, Math.min(10_000, Math.floor(Number(firstParam(params.owed))) || 1));
  const now = new Date();
  const home = await loadSpecialistHome(getDb(), actor, now, { week: firstParam(params.week), owedPage });
  const viewerZone = await viewerTimeZone();
  const { week, owed, briefsMissing, toConfirm } = home;
  const thisWeek = mondayOf(localDateIn(now, home.zone));
  const weekHref = (start: string) => {
    const query = new URLSearchParams();
    if (start !== thisWeek) query.set("week", start);
    if (owedPage > 1) query.set("owed", String(owedPage));
    const text = query.toString();
    return text ? `/specialist?${text}` : "/specialist";
  };
  const owedHref = (page: number) => {
    const query = new URLSearchParams();
    if (week.start !== thisWeek) query.set("week", week.start);
    if (page > 1) query.set("owed", String(page));
    return `/specialist?${query.toString()}#reports-owed-heading`;
  };
  const owedPages = Math.max(1, Math.ceil(owed.total / owed.pageSize));
  const attention = briefsMissing.total + toConfirm.total;

  return (
    <RowLinksArea className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">My examinations</h1>
        <p className="mt-1 text-sm text-slate-700">
          Times are in your calendar&apos;s time zone, with your own clock under them when it differs.
        </p>
      </header>

      <section aria-labelledby="needs-attention-heading" data-testid="needs-attention">
        <h2 id="needs-attention-heading" className="text-xl font-semibold">
          Needs attention{" "}
          <span className="text-sm font-normal text-slate-600">({countLabel(attention)})</span>
        </h2>
        <div className="mt-3 grid gap-4 lg:grid-cols-2">
          <BookingListSection
            title="Briefs missing"
            headingLevel={3}
            list={briefsMissing}
            viewerZone={viewerZone}
            testId="briefs-missing"
            itemTestId="attention-item"
            showPapers
            tone="attention"
            seeAll={{
              href: "/bookings?view=upcoming&progress=scheduled,rescheduled",
              label: "See all upcoming examinations",
            }}
            empty="Every upcoming examination has its brief."
            detail={() => (
              <span className="text-xs text-amber-900" data-reason="missing_brief">
                Ask the referrer for the brief
              </span>
            )}
          />
          <BookingListSection
            title="Attendance to confirm"
            headingLevel={3}
            list={toConfirm}
            viewerZone={viewerZone}
            testId="attendance-to-confirm"
            itemTestId="attention-item"
            tone="attention"
            seeAll={{
              href: "/bookings?view=past&progress=scheduled,rescheduled",
              label: "See all examinations to confirm",
            }}
            empty="Every past examination is confirmed: its report is started or it is marked a no-show."
            detail={() => (
              <span className="text-xs text-amber-900" data-reason="confirm_attendance">
                Start the report or mark a no-show
              </span>
            )}
          />
        </div>
      </section>

      <section aria-labelledby="week-heading" data-testid="agenda">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2
            id="week-heading"
            className="text-xl font-semibold"
            data-testid="week-heading"
            data-week={week.start}
          >
            {week.start === thisWeek ? "This week" : "Week of"} · {weekRange(week.start)}
          </h2>
          <nav aria-label="Weeks" className="flex flex-wrap gap-2">
            <Link href={weekHref(addDays(week.start, -7))} className={weekLink} data-testid="week-previous">
              ← Previous week
            </Link>
            {week.start !== thisWeek && (
              <Link href={weekHref(thisWeek)} className={weekLink} data-testid="week-this">
                This week
              </Link>
            )}
            <Link href={weekHref(addDays(week.start, 7))} className={weekLink} data-testid="week-next">
              Next week →
            </Link>
          </nav>
        </div>
        <div className="mt-3">
          <WeekGrid
            label={`Examinations, ${weekRange(week.start)}`}
            days={week.days.map((day) => ({
              day: day.day,
              label: day.isToday ? `Today — ${dayLabel(day.day, "long")}` : dayLabel(day.day, "long"),
              isToday: day.isToday,
              count: day.examinations.length + day.more,
              countIsCapped: day.moreIsCapped,
              content:
                day.examinations.length === 0 ? null : (
                  <>
                    <WeekItems rows={day.examinations} viewerZone={viewerZone} />
                    {day.more > 0 && (
                      <Link
                        href={dayInBookingsHref(day.day, actor.specialistIds)}
                        className="block px-2 py-2 text-sm font-medium text-indigo-700 underline hover:text-indigo-900"
                        data-week-item
                        data-testid="agenda-day-more"
                      >
                        {day.more}
                        {day.moreIsCapped ? "+" : ""} more on {dayLabel(day.day, "short")}
                      </Link>
                    )}
                  </>
                ),
            }))}
          />
        </div>
      </section>

      <section aria-labelledby="reports-owed-heading" data-testid="reports-owed">
        <h2 id="reports-owed-heading" className="text-xl font-semibold">
          Reports owed{" "}
          <span className="text-sm font-normal text-slate-600">({countLabel(owed.total, owed.capped)})</span>
        </h2>
        <p className="text-sm text-slate-700">
          By due day, overdue first. Due days count business days in your zone.
        </p>
        {owed.total === 0 ? (
          <p className="mt-2 text-sm text-slate-700">No reports owed — you are up to date.</p>
        ) : (
          <>
            <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white px-4">
              {owed.rows.map((row) => (
                <BookingLine key={row.id} row={row} viewerZone={viewerZone} testId="owed-item">
                  <span
                    className={`text-sm font-medium ${row.overdue ? "text-rose-800" : "text-slate-800"}`}
                    data-testid="owed-due"
                    data-overdue={row.overdue}
                  >
                    {dueText(row)}
                  </span>
                  {row.attendanceUnconfirmed && (
                    <span className="text-xs text-slate-600">Attendance not confirmed yet</span>
                  )}
                </BookingLine>
              ))}
            </ul>
            {owedPages > 1 && (
              <nav aria-label="Reports owed pages" className="mt-3 flex flex-wrap items-center gap-4 text-sm">
                {owed.page > 1 && (
                  <Link href={owedHref(owed.page - 1)} className={pageLink} data-testid="owed-previous">
                    ← Previous {owed.pageSize}
                  </Link>
                )}
                <span className="text-slate-700">
                  Page {owed.page} of {countLabel(owedPages, owed.capped)}
                </span>
                {owed.page < owedPages && (
                  <Link href={owedHref(owed.page + 1)} className={pageLink} data-testid="owed-next">
                    Show more →
                  </Link>
                )}
              </nav>
            )}
          </>
        )}
      </section>
    </RowLinksArea>
  );
}
