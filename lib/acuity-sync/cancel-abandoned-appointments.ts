import { and, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { acuityBookingAttempts, bookingRequests } from "@/db/schema";
import {
  AcuityNotFoundError,
  AcuityRateLimitedError,
  AcuityUnavailableError,
  AcuityValidationError,
  portalReferenceNote,
  type AcuityAppointment,
  type AcuityClient,
} from "@/lib/acuity";
import { recordAudit } from "@/lib/audit/record-audit";
import { findAppointmentByReference } from "@/lib/bookings/acuity-booking-input";
import { log, LOG_EVENTS } from "@/lib/log";
import { leaseSeconds, retryDelaySeconds } from "./retry-policy";
import { systemAuditContext } from "./sync-context";
import { getSystemUserId } from "./system-user";

const BATCH = 20;
/** Resolved attempts are kept this long, so an appointment that surfaces late is still recognised. */
const KEEP_RESOLVED_DAYS = 30;

type OwedCancellation = {
  booking_reference: string;
  requested_by_id: string;
  idempotency_key: string;
  acuity_calendar_id: string;
  appointment_at: Date;
  acuity_appointment_id: string | null;
  attempts: number;
  /** The process making it died: nobody gave it up, so nobody freed the form's key either. */
  was_in_flight: boolean;
};

export interface AbandonedAppointmentsReport {
  cancelled: number;
  notInAcuity: number;
  /** Claims whose answer came after a newer claim or a webhook took the attempt over: left to those. */
  superseded: number;
  failed: number;
}

/**
 * Leases the attempts that are owed a cancellation and due: given up, or in flight past their
 * time (their process died). SKIP LOCKED and the lease keep two workers off one attempt; each
 * claimed one counts as abandoned from here on, so a save still running cannot commit its booking.
 */
async function claimOwedCancellations(db: Database): Promise<OwedCancellation[]> {
  const result = await db.execute<OwedCancellation>(sql`
    UPDATE acuity_booking_attempts AS a
    SET abandoned_at = coalesce(a.abandoned_at, now()), attempts = a.attempts + 1,
        next_attempt_at = now() + make_interval(secs => ${leaseSeconds()})
    FROM (
      SELECT booking_reference, abandoned_at IS NULL AS was_in_flight FROM acuity_booking_attempts
      WHERE resolved_at IS NULL AND next_attempt_at <= now()
      ORDER BY next_attempt_at LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED) AS due
    WHERE a.booking_reference = due.booking_reference
    RETURNING a.booking_reference, a.requested_by_id, a.idempotency_key, a.acuity_calendar_id, a.appointment_at,
      a.acuity_appointment_id, a.attempts, due.was_in_flight`);
  return result.rows.map((row) => ({
    ...row,
    appointment_at: new Date(row.appointment_at),
  }));
}

/** The appointment Acuity holds for the attempt and that still stands, if any. */
async function standingAppointment(
  acuity: AcuityClient,
  owed: OwedCancellation,
): Promise<AcuityAppointment | null> {
  if (owed.acuity_appointment_id) {
    try {
      const appointment = await acuity.getAppointment(Number(owed.acuity_appointment_id));
      return appointment.canceled ? null : appointment;
    } catch (error) {
      if (error instanceof AcuityNotFoundError) return null;
      throw error;
    }
  }
  return findAppointmentByReference(acuity, owed.booking_reference, {
    calendarID: Number(owed.acuity_calendar_id),
    datetime: owed.appointment_at.toISOString(),
  });
}

/**
 * Whether this claim's answer may still settle the attempt. A claim is only a lease: while its
 * answer was on the way, a webhook may have revealed the appointment (and made the attempt due
 * with its id) or a newer claim may have taken it over. "Not in Acuity" is then stale and must
 * not resolve it — the appointment would stand uncancelled; a cancellation we made is true
 * whoever else holds the attempt, as long as it is the appointment the attempt now names.
 */
function stillOwnedBy(owed: OwedCancellation, standing: AcuityAppointment | null) {
  const { acuityAppointmentId, attempts } = acuityBookingAttempts;
  if (standing) return or(isNull(acuityAppointmentId), eq(acuityAppointmentId, String(standing.id)));
  return and(
    eq(attempts, owed.attempts),
    owed.acuity_appointment_id === null
      ? isNull(acuityAppointmentId)
      : eq(acuityAppointmentId, owed.acuity_appointment_id),
  );
}

async function cancelOne(
  db: Database,
  acuity: AcuityClient,
  owed: OwedCancellation,
): Promise<"cancelled" | "not_in_acuity" | "superseded"> {
  const standing = await standingAppointment(acuity, owed);
  if (standing) {
    await acuity
      .cancelAppointment(standing.id, {
        cancelNote: `${portalReferenceNote(owed.booking_reference)} was never saved; cancelled automatically by the portal.`,
        admin: true,
      })
      .catch((error: unknown) => {
        if (!(error instanceof AcuityValidationError && error.code === "already_canceled")) throw error;
      });
  }
  const resolution = standing ? "cancelled" : "not_in_acuity";
  const systemUserId = await getSystemUserId(db);
  const resolved = await db.transaction(async (tx) => {
    // Two workers may meet on one attempt (reconcile makes owed ones due at once): the first resolves it.
    const rows = await tx
      .update(acuityBookingAttempts)
      .set({
        resolvedAt: sql`now()`,
        resolution,
        nextAttemptAt: null,
        lastError: null,
        acuityAppointmentId: standing ? String(standing.id) : owed.acuity_appointment_id,
      })
      .where(
        and(
          eq(acuityBookingAttempts.bookingReference, owed.booking_reference),
          isNull(acuityBookingAttempts.resolvedAt),
          stillOwnedBy(owed, standing),
        ),
      )
      .returning({ reference: acuityBookingAttempts.bookingReference });
    if (rows.length === 0) return false;
    if (owed.was_in_flight) {
      // Free the form a dead process left claimed — its own claim, not a later one of the same form.
      // Compared in PostgreSQL: the attempt's time read into a JS Date loses its microseconds, and
      // a claim made in the same millisecond as its attempt would then look later than it.
      const attemptMade = sql`(select ${acuityBookingAttempts.createdAt} from ${acuityBookingAttempts}
        where ${acuityBookingAttempts.bookingReference} = ${owed.booking_reference})`;
      await tx
        .delete(bookingRequests)
        .where(
          and(
            eq(bookingRequests.idempotencyKey, owed.idempotency_key),
            isNull(bookingRequests.bookingId),
            lte(bookingRequests.createdAt, attemptMade),
          ),
        );
    }
    if (standing) {
      await recordAudit(tx, systemAuditContext(systemUserId), {
        action: "acuity.abandoned_appointment_cancelled",
        resourceType: "acuity",
        resourceId: String(standing.id),
        metadata: {
          bookingReference: owed.booking_reference,
          requestedById: owed.requested_by_id,
          reason: owed.was_in_flight ? "never saved" : "given up",
        },
      });
    }
    return true;
  });
  return resolved ? resolution : "superseded";
}

/** Keeps the reason as a sentence and tries again later, backing off; an owed cancellation is never dropped. */
async function recordFailure(db: Database, owed: OwedCancellation, error: unknown) {
  const unanswered = error instanceof AcuityUnavailableError || error instanceof AcuityRateLimitedError;
  if (!unanswered)
    log.error(
      {
        event: LOG_EVENTS.abandonedCancelFailed,
        bookingId: owed.booking_reference,
        attempts: owed.attempts,
        err: error,
      },
      "cancelling in Acuity the appointment of an unsaved booking failed; retried with backoff",
    );
  const lastError = unanswered
    ? `Acuity did not answer while the portal was cancelling the appointment of unsaved booking ${owed.booking_reference}; it tries again by itself.`
    : `Cancelling the appointment of unsaved booking ${owed.booking_reference} failed; the server log has the detail. The portal tries again by itself.`;
  await db
    .update(acuityBookingAttempts)
    .set({
      lastError,
      nextAttemptAt: sql`now() + make_interval(secs => ${retryDelaySeconds(owed.attempts)})`,
    })
    .where(
      // Only the attempt's current claim may put it off: a resolved one stays resolved (without a
      // stale sentence), and one a newer claim or a webhook has taken over keeps their timing.
      and(
        eq(acuityBookingAttempts.bookingReference, owed.booking_reference),
        isNull(acuityBookingAttempts.resolvedAt),
        stillOwnedBy(owed, null),
      ),
    );
}

/**
 * Cancels in Acuity every appointment the portal made and then gave up on — the answer to
 * "nothing is booked" must hold in Acuity too. Run by the webhook worker on every pass and by
 * reconcile; everything it needs is in acuity_booking_attempts, so a restart changes nothing.
 */
export async function cancelAbandonedAppointments(
  db: Database,
  acuity: AcuityClient,
): Promise<AbandonedAppointmentsReport> {
  const report: AbandonedAppointmentsReport = { cancelled: 0, notInAcuity: 0, superseded: 0, failed: 0 };
  await db
    .delete(acuityBookingAttempts)
    .where(sql`${acuityBookingAttempts.resolvedAt} < now() - make_interval(days => ${KEEP_RESOLVED_DAYS})`);
  for (
    let owed = await claimOwedCancellations(db);
    owed.length > 0;
    owed = await claimOwedCancellations(db)
  ) {
    for (const attempt of owed) {
      try {
        const outcome = await cancelOne(db, acuity, attempt);
        if (outcome === "cancelled") report.cancelled += 1;
        else if (outcome === "not_in_acuity") report.notInAcuity += 1;
        else report.superseded += 1;
      } catch (error) {
        report.failed += 1;
        await recordFailure(db, attempt, error);
      }
    }
  }
  return report;
}
