import { and, count, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { bookingProgress, bookings, documents } from "@/db/schema";
import type { ProgressStage } from "@/db/schema/enums";
import { ConflictError, NotFoundError, UserFacingError } from "@/lib/actions/errors";
import type { AuditContext } from "@/lib/audit/request-context";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/authz/actor";
import { canViewBooking, isPlatformAdmin } from "@/lib/authz/policy";
import { recordChargeForStageChange } from "@/lib/billing/record-charge";
import { notificationActorOf, portalProgressEvent } from "@/lib/notifications/booking-change-events";
import { recordBookingChange } from "@/lib/notifications/record-booking-change";
import { markPortalChangeInAcuity } from "@/lib/acuity-sync/sync-mark";
import { evaluateTransition } from "./evaluate-transition";
import { BOOKING_CHANGED_MESSAGE, CORRECTION_NOTE_PREFIX } from "./messages";
import type { TransitionKind } from "./transitions";

export interface ChangeProgressInput {
  bookingId: string;
  /** The stage the user saw; if the booking moved since, nothing is written. */
  expectedFrom: ProgressStage;
  to: ProgressStage;
  note?: string | null;
  asCorrection?: boolean;
}

/**
 * Tells the outside world (Acuity) about the move, inside the transaction: if Acuity refuses,
 * nothing is written. If the commit fails after Acuity agreed, Acuity's webhook brings the
 * booking to the same stage later — Acuity is the source of truth for the appointment.
 * Called for every kind but "advance"; admin corrections never call it (they fix the portal's
 * record, e.g. after a missed webhook, and must not change the appointment). One that moves the
 * appointment returns the move, so the progress row shows the old and the new time.
 */
export type ProgressSideEffect = (
  kind: Exclude<TransitionKind, "advance">,
  booking: { bookingId: string; acuityAppointmentId: string; note: string | null },
) => Promise<AppointmentMove | void>;

/** The appointment time a change moved from and to, as the booking's history shows it. */
export interface AppointmentMove {
  appointmentFrom: Date;
  appointmentTo: Date;
}

/**
 * Moves a booking to a new stage: row lock, stage check, state-machine verdict, side effect,
 * then the booking, its progress row, the audit row and the notification event (when the new
 * stage is news: booking-change-events.ts) — one transaction. Two people changing
 * one booking at once: the second waits on the lock, sees the stage moved, and gets a conflict.
 */
export async function changeProgress(
  tx: Tx,
  who: { actor: Actor; auditContext: AuditContext },
  input: ChangeProgressInput,
  sideEffect: ProgressSideEffect,
  now = new Date(),
): Promise<{ bookingId: string; progress: ProgressStage }> {
  const [booking] = await tx.select().from(bookings).where(eq(bookings.id, input.bookingId)).for("update");
  if (!booking || !canViewBooking(who.actor, booking)) throw new NotFoundError("That booking");
  if (booking.currentProgress !== input.expectedFrom) throw new ConflictError(BOOKING_CHANGED_MESSAGE);

  const [{ reports }] = (await tx
    .select({ reports: count() })
    .from(documents)
    .where(and(eq(documents.bookingId, booking.id), eq(documents.category, "report")))) as [
    { reports: number },
  ];
  const note = input.note?.trim() || null;
  const verdict = evaluateTransition(who.actor, booking, input.to, {
    now,
    reportCount: reports,
    note,
    asCorrection: input.asCorrection,
  });
  if (!verdict.ok) throw new UserFacingError(verdict.code, verdict.reason);

  let move: AppointmentMove | void = undefined;
  if (verdict.rule && verdict.rule.kind !== "advance") {
    move = await sideEffect(verdict.rule.kind, {
      bookingId: booking.id,
      acuityAppointmentId: booking.acuityAppointmentId,
      note,
    });
    // Acuity has answered: a sync that read the appointment before now must not undo this.
    await markPortalChangeInAcuity(tx, booking.acuityAppointmentId);
  }

  const updated = await tx
    .update(bookings)
    .set({ currentProgress: input.to })
    .where(and(eq(bookings.id, booking.id), eq(bookings.currentProgress, input.expectedFrom)))
    .returning({ id: bookings.id });
  if (updated.length !== 1) throw new ConflictError(BOOKING_CHANGED_MESSAGE);

  await tx.insert(bookingProgress).values({
    bookingId: booking.id,
    progress: input.to,
    changedById: who.auditContext.actorUserId,
    changedForId: who.auditContext.impersonatedUserId,
    notes: verdict.isCorrection ? `${CORRECTION_NOTE_PREFIX}${note}` : note,
    ...(move ?? {}),
  });
  await recordAudit(tx, who.auditContext, {
    action: "booking.progress_changed",
    resourceType: "booking",
    resourceId: booking.id,
    metadata: { from: input.expectedFrom, to: input.to, note, correction: verdict.isCorrection },
  });
  await recordBookingChange(
    tx,
    { bookingId: booking.id, actorUserId: notificationActorOf(who.auditContext) },
    portalProgressEvent({ to: input.to, isCorrection: verdict.isCorrection, move }),
  );
  // Report generated, a late cancellation, a no-show: the charge commits with the change or not at all.
  await recordChargeForStageChange(tx, who.auditContext, {
    bookingId: booking.id,
    to: input.to,
    at: now,
    // A platform admin acting in their own name is the provider's side; impersonating, the referrer's.
    cancelledBy: isPlatformAdmin(who.actor) ? "provider" : "referrer",
  });
  return { bookingId: booking.id, progress: input.to };
}
