import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { BookingProgressPanel } from "@/components/bookings/booking-progress-panel";
import { CancelControl } from "@/components/bookings/cancel-control";
import { STAGE_NAMES } from "@/lib/bookings/progress/stage-names";
import { ReferralDetailsPanel } from "@/components/bookings/referral-details";
import { ReportDue, reportDueLabel } from "@/components/bookings/report-due";
import { RescheduleControl } from "@/components/bookings/reschedule-control";
import { ZonedTime } from "@/components/bookings/zoned-time";
import { Timestamp } from "@/components/ui/timestamp";
import { BookingDocumentsSection } from "@/components/documents/booking-documents-section";
import { BookingAuditTab } from "@/components/admin/booking-audit-tab";
import { BookingCharges } from "@/components/billing/booking-charges";
import { ReportRecipients } from "@/components/notifications/report-recipients";
import { getDb } from "@/db/client";
import { requireActor } from "@/lib/auth/current-session";
import { zoneOf } from "@/lib/availability/calendar-of";
import { todayIn } from "@/lib/availability/months";
import { getBookingForViewer } from "@/lib/bookings/get-booking";
import { formatPhone } from "@/lib/bookings/phone";
import { offeredTransitions } from "@/lib/bookings/progress";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { reportDueStatus } from "@/lib/bookings/report-due-status";
import { canEditReferralDetails, canManageBookingContacts, canWaiveCharge } from "@/lib/authz/policy";
import { listBookingCharges } from "@/lib/billing/list-booking-charges";
import { listBookingContacts } from "@/lib/notifications/list-contacts";
import { waiveChargeAction } from "./charges-actions";
import { editReferralDetailsAction } from "./referral-actions";

export const metadata: Metadata = { title: "Booking" };

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-medium tracking-wide text-slate-600 uppercase">{label}</dt>
      <dd className="mt-0.5 text-sm">{children}</dd>
    </div>
  );
}

export default async function BookingPage({
  params,
  searchParams,
}: {
  params: Promise<{ bookingId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await requireActor();
  const { bookingId } = await params;
  const booking = await getBookingForViewer(getDb(), actor, bookingId);
  // Missing and not-yours look the same: a 404, no hint that the booking exists.
  if (!booking) notFound();
  const justBooked = (await searchParams).booked === "1";
  const viewerZone = await viewerTimeZone();
  const b = booking.booking;
  const zone = zoneOf(booking.specialist);
  // Only those who may change the list see its addresses (third parties' e-mails).
  const recipients = canManageBookingContacts(actor, b) ? await listBookingContacts(getDb(), b.id) : null;
  // What the booking costs: its organization's owners and admins and platform admins; null for others.
  const charges = await listBookingCharges(getDb(), actor, b);
  // Only the moves this page carries out (reschedule, cancel); none of them needs a report count.
  const now = new Date();
  // The report's due day (kept by the database from the organization's setting): owed, overdue, or was due.
  const due = reportDueStatus(b, zone, now);
  const moves = offeredTransitions(actor, b, { now, reportCount: 0 }).filter(
    (m) => m.rule.kind === "reschedule" || m.rule.kind === "cancel",
  );

  return (
    <article className="space-y-8">
      <p className="text-sm">
        <Link href="/bookings" className="text-indigo-700 hover:underline">
          ← Bookings
        </Link>
      </p>
      {justBooked && (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Booked. The appointment is in {booking.specialist.name}&apos;s calendar.
        </p>
      )}
      <header className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold" data-testid="booking-examinee">
            {b.examineeName}
          </h1>
          <p className="text-slate-600">Independent medical examination with {booking.specialist.name}</p>
        </div>
        <div className="flex items-center gap-2">
          <span
            className="stage-badge px-3 py-1 text-sm"
            data-stage={b.currentProgress}
            data-testid="booking-progress"
          >
            {STAGE_NAMES[b.currentProgress]}
          </span>
          {b.status !== "active" && (
            <span className="rounded-full bg-slate-200 px-3 py-1 text-sm capitalize">{b.status}</span>
          )}
        </div>
      </header>

      <section className="grid gap-6 rounded-lg border border-slate-200 bg-white p-6 md:grid-cols-3">
        <dl className="space-y-4">
          <Detail label="Appointment">
            <span data-testid="booking-when">
              <ZonedTime instant={b.appointmentDate} zone={zone} viewerZone={viewerZone} />
            </span>
          </Detail>
          <Detail label="Type">
            {b.appointmentType === "telehealth" ? "Telehealth (video)" : "In person"}
          </Detail>
          {b.appointmentType === "telehealth" ? (
            <Detail label="Meeting link">
              {b.meetingLink ? (
                <a
                  href={b.meetingLink}
                  className="break-all text-indigo-700 underline"
                  target="_blank"
                  rel="noreferrer"
                  data-testid="booking-meeting-link"
                >
                  {b.meetingLink}
                </a>
              ) : (
                <span className="text-slate-500">Not yet provided by the calendar</span>
              )}
            </Detail>
          ) : (
            <Detail label="Location">{booking.specialist.location ?? "—"}</Detail>
          )}
          {due && (
            <Detail label={reportDueLabel(due)}>
              <ReportDue status={due} />
            </Detail>
          )}
        </dl>
        <dl className="space-y-4">
          <Detail label="Examinee">{b.examineeName}</Detail>
          <Detail label="Phone">
            <a href={`tel:${b.examineePhone}`} className="hover:underline">
              {formatPhone(b.examineePhone)}
            </a>
          </Detail>
          <Detail label="E-mail">
            {b.examineeEmail ?? <span className="text-slate-500">Not given</span>}
          </Detail>
          <Detail label="Notes">
            {b.notes ? (
              <span className="whitespace-pre-wrap">{b.notes}</span>
            ) : (
              <span className="text-slate-500">None</span>
            )}
          </Detail>
        </dl>
        <dl className="space-y-4">
          <Detail label="Specialist">
            {booking.specialist.name} <span className="text-slate-500">· {booking.specialist.specialty}</span>
          </Detail>
          <Detail label="Organization / team">
            {booking.organizationName}{" "}
            <span className="text-slate-500">· {booking.teamName ?? "No team"}</span>
          </Detail>
          <Detail label="Booked by">
            {b.source === "acuity_direct"
              ? `Directly in Acuity${b.externalCreatedBy ? ` by ${b.externalCreatedBy}` : ""}`
              : booking.createdByName}
            {booking.createdForName && (
              <span className="text-slate-500"> on behalf of {booking.createdForName}</span>
            )}
            {b.createdAt && (
              <span className="block text-xs text-slate-500">
                <Timestamp instant={b.createdAt} viewerZone={viewerZone} />
              </span>
            )}
          </Detail>
          <Detail label="Reference">
            <span className="font-mono text-xs">{b.id}</span>{" "}
            <span className="text-xs text-slate-500">· Acuity #{b.acuityAppointmentId}</span>
          </Detail>
        </dl>
      </section>

      <ReferralDetailsPanel
        bookingId={b.id}
        details={{
          claimNumber: b.claimNumber,
          dateOfInjury: b.dateOfInjury,
          reportType: b.reportType,
          caseManagerReference: b.caseManagerReference,
        }}
        editAction={canEditReferralDetails(actor, b) ? editReferralDetailsAction : null}
        today={todayIn(viewerZone ?? zone, now)}
      />

      {moves.length > 0 && (
        <section className="space-y-3" aria-labelledby="changes-heading">
          <h2 id="changes-heading" className="text-lg font-semibold">
            Change this booking
          </h2>
          <div className="flex flex-wrap items-start gap-3">
            {moves.map(({ rule, blockedReason }) =>
              blockedReason ? (
                <p key={rule.to} className="text-sm text-slate-500">
                  {rule.label}: {blockedReason}
                </p>
              ) : rule.kind === "reschedule" ? (
                <RescheduleControl
                  key={rule.to}
                  bookingId={b.id}
                  expectedProgress={b.currentProgress}
                  expectedAppointmentDate={b.appointmentDate.toISOString()}
                  specialistId={booking.specialist.id}
                  appointmentType={b.appointmentType}
                  timeZone={zone}
                  initialMonth={todayIn(zone).slice(0, 7)}
                  label={rule.label}
                />
              ) : (
                <CancelControl
                  key={rule.to}
                  bookingId={b.id}
                  expectedProgress={b.currentProgress}
                  label={rule.label}
                />
              ),
            )}
          </div>
        </section>
      )}

      <BookingProgressPanel booking={booking} actor={actor} />
      {recipients && (
        <section
          aria-labelledby="recipients-heading"
          data-testid="report-recipients"
          className="space-y-3 rounded-lg border border-slate-200 bg-white p-5"
        >
          <div>
            <h2 id="recipients-heading" className="text-lg font-semibold">
              Report recipients
            </h2>
            <p className="mt-1 text-sm text-slate-600">
              Besides the person who booked it, these addresses receive this booking&apos;s notices by e-mail
              — booked, moved, cancelled, no-show and report ready. Someone without an account here is told to
              ask the booker for access.
            </p>
          </div>
          <ReportRecipients
            scope={{ bookingId: b.id }}
            recipients={recipients}
            headingId="recipients-heading"
          />
        </section>
      )}
      <BookingDocumentsSection booking={booking} actor={actor} />
      <BookingCharges
        charges={charges}
        viewerZone={viewerZone}
        waiveAction={canWaiveCharge(actor) ? waiveChargeAction : null}
      />
      {/* Admins only: the component renders nothing for anyone else. */}
      <BookingAuditTab actor={actor} bookingId={booking.booking.id} />
    </article>
  );
}
