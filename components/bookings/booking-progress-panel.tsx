import { getDb } from "@/db/client";
import type { Actor } from "@/lib/authz/actor";
import { canCorrectProgress } from "@/lib/authz/policy";
import type { BookingForViewer } from "@/lib/bookings/get-booking";
import {
  CORRECTION_NOTE_PREFIX,
  correctionTargets,
  offeredTransitions,
  STAGE_NAMES,
} from "@/lib/bookings/progress";
import { loadProgressView } from "@/lib/bookings/progress/load-progress-view";
import { viewerTimeZone } from "@/lib/bookings/viewer-time-zone";
import { Timestamp } from "@/components/ui/timestamp";
import { AppointmentMove } from "./appointment-move";
import { ProgressBadge } from "./progress-badge";
import { PROGRESS_HEADING_ID } from "./progress-heading-id";
import { ProgressControls, type OfferedMove } from "./progress-controls";

/**
 * Cancel and reschedule change the appointment time or existence and are the booking page's own
 * controls (booking flow); this panel offers the report pipeline's moves and admin corrections.
 */
const MOVES_RENDERED_ELSEWHERE = new Set(["cancel", "reschedule"]);

/**
 * The booking page's progress section: the current stage, every change with who made it (and
 * for whom, when an admin acted as someone), and the moves this viewer may make now — exactly
 * what the state machine offers, disabled ones with the reason.
 */
export async function BookingProgressPanel({ booking, actor }: { booking: BookingForViewer; actor: Actor }) {
  const facts = booking.booking;
  const { timeline, reportCount } = await loadProgressView(getDb(), actor, facts.id);
  const viewerZone = await viewerTimeZone();
  const moves: OfferedMove[] = offeredTransitions(actor, facts, { now: new Date(), reportCount })
    .filter((offer) => !MOVES_RENDERED_ELSEWHERE.has(offer.rule.kind))
    .map(({ rule, blockedReason }) => ({
      to: rule.to,
      label: rule.label,
      requiresNote: rule.requiresNote,
      blockedReason,
    }));
  const corrections = canCorrectProgress(actor)
    ? correctionTargets(facts).map((stage) => ({ stage, label: STAGE_NAMES[stage] }))
    : [];

  return (
    <section
      aria-labelledby={PROGRESS_HEADING_ID}
      data-testid="progress-panel"
      className="rounded-lg border border-slate-200 bg-white p-5"
    >
      <div className="flex flex-wrap items-center gap-3">
        <h2 id={PROGRESS_HEADING_ID} tabIndex={-1} className="text-lg font-semibold">
          Progress
        </h2>
        <ProgressBadge stage={facts.currentProgress} testId="progress-current" />
        {facts.status !== "active" && (
          <span className="text-xs text-slate-600">
            {facts.status === "archived"
              ? "Booking archived: it can no longer be changed."
              : `Booking ${facts.status}: only an administrator can change it.`}
          </span>
        )}
      </div>

      {timeline.length === 0 ? (
        <p className="mt-4 text-sm text-slate-600">No changes recorded yet.</p>
      ) : (
        <ol className="mt-4 space-y-3 border-l border-slate-200 pl-4" data-testid="progress-timeline">
          {timeline.map((entry) => (
            <li key={entry.id} data-testid="progress-entry" data-stage={entry.progress} className="text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <ProgressBadge stage={entry.progress} />
                <span className="text-slate-700">
                  by{" "}
                  <span className="font-medium" data-testid="progress-entry-by">
                    {entry.changedByName}
                  </span>
                  {entry.changedForName && (
                    <>
                      {" "}
                      acting as{" "}
                      <span className="font-medium" data-testid="progress-entry-for">
                        {entry.changedForName}
                      </span>
                    </>
                  )}
                </span>
                {entry.notes?.startsWith(CORRECTION_NOTE_PREFIX) && (
                  <span
                    className="rounded bg-amber-50 px-1.5 py-0.5 text-xs font-medium text-amber-800"
                    data-testid="progress-entry-correction"
                  >
                    Correction
                  </span>
                )}
                <Timestamp instant={entry.createdAt} viewerZone={viewerZone} className="text-slate-600" />
              </div>
              {entry.appointmentFrom && entry.appointmentTo && (
                <AppointmentMove
                  from={entry.appointmentFrom}
                  to={entry.appointmentTo}
                  zone={booking.specialist.timezone ?? "UTC"}
                />
              )}
              {entry.notes && (
                <p className="mt-1 whitespace-pre-line text-slate-600" data-testid="progress-entry-note">
                  {entry.notes}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}

      {(moves.length > 0 || corrections.length > 0) && (
        <ProgressControls
          bookingId={facts.id}
          currentStage={facts.currentProgress}
          moves={moves}
          corrections={corrections}
        />
      )}
    </section>
  );
}
