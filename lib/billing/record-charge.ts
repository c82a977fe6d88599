import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { bookings, charges, specialists } from "@/db/schema";
import type { ChargeKind } from "@/db/schema/billing";
import type { ProgressStage } from "@/db/schema/enums";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditContext } from "@/lib/audit/request-context";
import { APPOINTMENT_TYPE_LABELS } from "@/lib/availability/appointment-types";
import { FALLBACK_TIME_ZONE } from "@/lib/availability/calendar-of";
import { LOG_EVENTS } from "@/lib/log";
import { recordAttentionNeeded } from "@/lib/notifications/attention";
import { dateLabel } from "@/lib/time/people-time";
import { feeScheduleInEffect } from "./fee-schedule-in-effect";
import { isLateCancellation } from "./late-cancellation";

/**
 * Who cancelled, as far as the portal knows. The referring side pays for a late cancellation;
 * the provider side (a platform admin cancelling in their own name — the provider's staff) does
 * not. Acuity does not say who cancelled: a late cancellation from there is charged, and its
 * description says where it came from, so an admin waives it when the provider cancelled.
 */
export type CancelledBy = "referrer" | "provider" | "acuity";

export interface StageChangeFacts {
  bookingId: string;
  to: ProgressStage;
  /** When the change happened: the charge's occurred_at, and the instant the late window is judged at. */
  at: Date;
  cancelledBy: CancelledBy;
}

const KIND_OF_STAGE: Partial<Record<ProgressStage, ChargeKind>> = {
  report_generated: "examination",
  cancelled: "late_cancellation",
  no_show: "no_show",
};

export type ChargeOutcome =
  | { outcome: "charged"; chargeId: string }
  | { outcome: "none"; reason: string }
  | { outcome: "already_charged" }
  | { outcome: "price_missing" };

/**
 * The charge a stage change causes, written in the change's own transaction `tx` (so a rolled
 * back change leaves no charge). The price is the one in effect now, copied into the row. One
 * charge per booking and kind: a second delivery of the same news (a duplicate webhook, an
 * admin correction back into the stage) finds the first and writes nothing. No price for the
 * booking's specialty and appointment type: no charge, and an attention event tells the admins —
 * a zero-amount line would reach an invoice looking like a free examination.
 */
export async function recordChargeForStageChange(
  tx: DbOrTx,
  auditContext: AuditContext,
  change: StageChangeFacts,
): Promise<ChargeOutcome> {
  const made = await insertChargeForStageChange(tx, change);
  if (made.outcome !== "charged") return made;
  const { charge } = made;
  await recordAudit(tx, auditContext, {
    action: "charge.created",
    resourceType: "charge",
    // No examinee name here: the audit trail is read by more people than the invoice.
    resourceId: charge.id,
    metadata: {
      bookingId: change.bookingId,
      kind: charge.kind,
      amountMinor: charge.amountMinor,
      currency: charge.currency,
      taxRateBasisPoints: charge.taxRateBasisPoints,
      feeScheduleId: charge.feeScheduleId,
    },
  });
  return { outcome: "charged", chargeId: charge.id };
}

/**
 * The charge itself, without its audit row: the demo seed writes its history this way (it
 * records no audit trail of its own); everything else calls recordChargeForStageChange.
 */
export async function insertChargeForStageChange(
  tx: DbOrTx,
  change: StageChangeFacts,
): Promise<
  Exclude<ChargeOutcome, { outcome: "charged" }> | { outcome: "charged"; charge: typeof charges.$inferSelect }
> {
  const kind = KIND_OF_STAGE[change.to];
  if (!kind) return { outcome: "none", reason: "stage is not chargeable" };
  if (kind === "late_cancellation" && change.cancelledBy === "provider")
    return { outcome: "none", reason: "cancelled by the provider" };

  const [booking] = await tx
    .select({
      organizationId: bookings.organizationId,
      appointmentDate: bookings.appointmentDate,
      appointmentType: bookings.appointmentType,
      examineeName: bookings.examineeName,
      specialty: specialists.specialty,
      specialistName: specialists.name,
      timezone: specialists.timezone,
    })
    .from(bookings)
    .innerJoin(specialists, eq(specialists.id, bookings.specialistId))
    .where(eq(bookings.id, change.bookingId));
  if (!booking) return { outcome: "none", reason: "no booking" };

  const inEffect = await feeScheduleInEffect(tx, booking.organizationId);
  const schedule = inEffect.schedule;
  // No schedule at all: billing is not set up on this installation, so nothing is owed or flagged.
  if (!schedule) return { outcome: "none", reason: "no fee schedule" };

  let amountMinor: number;
  let feeScheduleId = schedule.id;
  if (kind === "late_cancellation") {
    const late = isLateCancellation({
      cancelledAt: change.at,
      appointmentAt: booking.appointmentDate,
      windowHours: schedule.lateCancellationWindowHours,
    });
    if (!late) return { outcome: "none", reason: "cancelled before the window" };
    amountMinor = schedule.lateCancellationFeeMinor;
  } else if (kind === "no_show") {
    amountMinor = schedule.noShowFeeMinor;
  } else {
    const price = inEffect.priceOf(booking.specialty, booking.appointmentType);
    if (!price) {
      await recordAttentionNeeded(tx, {
        reason: LOG_EVENTS.billingPriceMissing,
        summary: `A report was generated but the fee schedule has no price for ${booking.specialty} (${APPOINTMENT_TYPE_LABELS[booking.appointmentType].toLowerCase()}), so the examination was not charged. Add the price in Admin → Billing → Fee schedules; the booking is not charged retroactively.`,
        bookingId: change.bookingId,
      });
      return { outcome: "price_missing" };
    }
    amountMinor = price.amountMinor;
    feeScheduleId = price.feeScheduleId;
  }
  // A fee of 0 means "no fee" for this event: there is nothing to bill.
  if (amountMinor === 0) return { outcome: "none", reason: "the schedule's fee is zero" };

  const date = dateLabel(booking.appointmentDate, booking.timezone ?? FALLBACK_TIME_ZONE, "date");
  const type = APPOINTMENT_TYPE_LABELS[booking.appointmentType].toLowerCase();
  const what = {
    examination: `Examination (${booking.specialty}, ${type})`,
    late_cancellation: `Late cancellation${change.cancelledBy === "acuity" ? " (cancelled in Acuity)" : ""}`,
    no_show: "Non-attendance (no-show)",
  }[kind];
  // An invoice line to the organization that booked names its examinee, as IME invoices do.
  const description = `${what} — ${booking.examineeName}, ${booking.specialistName}, ${date}`;

  const [created] = await tx
    .insert(charges)
    .values({
      bookingId: change.bookingId,
      organizationId: booking.organizationId,
      kind,
      amountMinor,
      currency: schedule.currency,
      taxRateBasisPoints: schedule.taxRateBasisPoints,
      description,
      occurredAt: change.at,
      feeScheduleId,
    })
    .onConflictDoNothing({ target: [charges.bookingId, charges.kind] })
    .returning();
  if (!created) return { outcome: "already_charged" };
  return { outcome: "charged", charge: created };
}
