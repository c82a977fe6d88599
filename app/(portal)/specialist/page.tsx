import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ZonedTime } from "@/components/bookings/zoned-time";
import { ExaminationSummary } from "@/components/specialists/examination-summary";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { hasSpecialistWorkspace } from "@/lib/authz/policy";
import { listSpecialistAgenda } from "@/lib/specialists/specialist-agenda";
import { listNeedsAttention, type AttentionReason } from "@/lib/specialists/specialist-needs-attention";
import { listReportsOwed } from "@/lib/specialists/specialist-reports-owed";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";

export const metadata: Metadata = { title: "My examinations" };

const AGENDA_DAYS = 14;
const dayHeading = (key: string) =>
  new Intl.DateTimeFormat("en-US", {
    weekday: "long",
    day: "numeric",
    month: "long",
    timeZone: "UTC",
  }).format(new Date(`${key}T12:00:00Z`));

const ATTENTION_TEXT: Record<AttentionReason, string> = {
  missing_brief: "No brief yet and the examination is within two days — ask the referrer for it.",
  confirm_attendance: "The examination time has passed — start the report or mark a no-show.",
};

function Section({
  title,
  count,
  testId,
  children,
}: {
  title: string;
  count: number;
  testId: string;
  children: React.ReactNode;
}) {
  return (
    <section className="mt-8" data-testid={testId} aria-label={title}>
      <h2 className="text-lg font-semibold">
        {title} <span className="text-sm font-normal text-slate-500">({count})</span>
      </h2>
      {children}
    </section>
  );
}

/** The specialist's home: what is next, what needs attention, and which reports are owed. */
export default async function SpecialistHomePage() {
  const actor = await requireActor();
  if (!hasSpecialistWorkspace(actor)) notFound();
  const now = new Date();
  const db = getDb();
  const [agenda, attention, owed] = await Promise.all([
    listSpecialistAgenda(db, actor, now, AGENDA_DAYS),
    listNeedsAttention(db, actor, now),
    listReportsOwed(db, actor, now),
  ]);
  const viewerZone = await viewerTimeZone();
  // Examination times: the calendar's zone, the viewer's beside it when it differs (an admin acting as the specialist from elsewhere).
  const when = (
    row: { appointmentDate: Date; specialistTimezone: string | null },
    dateStyle: "none" | "weekday",
  ) => (
    <ZonedTime
      instant={row.appointmentDate}
      zone={row.specialistTimezone ?? "UTC"}
      viewerZone={viewerZone}
      dateStyle={dateStyle}
    />
  );
  const examinationCount = agenda.reduce((sum, day) => sum + day.examinations.length, 0);

  return (
    <div>
      <h1 className="text-2xl font-semibold">My examinations</h1>
      <p className="mt-1 text-sm text-slate-600">
        Times are in your calendar&apos;s time zone, with your own clock under them when it differs.
      </p>

      <Section title="Needs attention" count={attention.length} testId="needs-attention">
        {attention.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">Nothing needs your attention.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-amber-200 bg-amber-50/40">
            {attention.map(({ reason, booking }) => (
              <li
                key={`${reason}-${booking.id}`}
                className="px-4 py-3"
                data-testid="attention-item"
                data-reason={reason}
                data-booking-id={booking.id}
              >
                <ExaminationSummary row={booking} when={when(booking, "weekday")} />
                <p className="mt-1 text-xs text-amber-800">{ATTENTION_TEXT[reason]}</p>
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={`Today and the next ${AGENDA_DAYS} days`} count={examinationCount} testId="agenda">
        {agenda.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">
            No examinations booked in the next {AGENDA_DAYS} days.
          </p>
        ) : (
          <div className="mt-3 space-y-4">
            {agenda.map((day) => (
              <div
                key={day.day}
                data-testid="agenda-day"
                data-day={day.day}
                className="rounded-lg border border-slate-200 bg-white"
              >
                <h3
                  className={`border-b border-slate-100 px-4 py-2 text-sm font-semibold ${day.isToday ? "text-indigo-700" : ""}`}
                >
                  {day.isToday ? `Today — ${dayHeading(day.day)}` : dayHeading(day.day)}
                </h3>
                <ul className="divide-y divide-slate-100">
                  {day.examinations.map((row) => (
                    <li key={row.id} className="px-4 py-3" data-testid="agenda-item" data-booking-id={row.id}>
                      <ExaminationSummary row={row} when={when(row, "none")} />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </div>
        )}
      </Section>

      <Section title="Reports owed" count={owed.length} testId="reports-owed">
        {owed.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">No reports owed — you are up to date.</p>
        ) : (
          <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {owed.map((row) => (
              <li key={row.id} className="px-4 py-3" data-testid="owed-item" data-booking-id={row.id}>
                <ExaminationSummary row={row} when={when(row, "weekday")} />
                <p className="mt-1 text-xs text-slate-500">
                  {row.ageDays === 0
                    ? "Examined within the last day"
                    : `${row.ageDays} day${row.ageDays === 1 ? "" : "s"} since the examination`}
                  {row.attendanceUnconfirmed && " · attendance not confirmed yet"}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Section>
    </div>
  );
}
