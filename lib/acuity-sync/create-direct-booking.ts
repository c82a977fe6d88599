import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { bookingProgress, bookings, specialists } from "@/db/schema";
import { parsePortalReference, type AcuityAppointment } from "@/lib/acuity";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordChargeForStageChange } from "@/lib/billing/record-charge";
import { newId } from "@/lib/ids";
import { directBookingEvent } from "@/lib/notifications/booking-change-events";
import { copyOrganizationContacts } from "@/lib/notifications/copy-organization-contacts";
import { recordBookingChange } from "@/lib/notifications/record-booking-change";
import { bookingFactsFromAppointment } from "./appointment-facts";
import { initialStagesFromAcuity } from "./derive-stage";
import { enteredAfterItsTime, isRecordableTime } from "./recordable-time";
import { SyncDeferredError } from "./errors";
import { settlePortalAppointmentWithoutBooking } from "./portal-appointment-without-booking";
import { resolveOrganization } from "./resolve-organization";
import { systemAuditContext, type SyncContext } from "./sync-context";

export type DirectBookingResult =
  | { outcome: "created"; bookingId: string; organizationRule: string }
  | { outcome: "ignored"; reason: string };

/**
 * An appointment the portal has no booking for. Made by the portal (its marker in the notes):
 * cancelled already — nothing to do — else the booking is still being saved, or it is owed a
 * cancellation (portal-appointment-without-booking.ts). Otherwise it was made directly in Acuity
 * and becomes an `acuity_direct` booking, with its organization's default report recipients and
 * (unless Acuity already cancelled it) a notification event — in the sync's transaction.
 */
export async function createDirectBooking(
  tx: Tx,
  appointment: AcuityAppointment,
  context: SyncContext,
): Promise<DirectBookingResult> {
  const portalBookingId = parsePortalReference(appointment.notes);
  if (portalBookingId) {
    if (appointment.canceled)
      return { outcome: "ignored", reason: "portal appointment cancelled before its booking was saved" };
    return {
      outcome: "ignored",
      reason: await settlePortalAppointmentWithoutBooking(tx, appointment, portalBookingId),
    };
  }

  const [specialist] = await tx
    .select({ id: specialists.id })
    .from(specialists)
    .where(eq(specialists.acuityCalendarId, String(appointment.calendarID)));
  if (!specialist) {
    throw new SyncDeferredError(
      `No specialist is linked to Acuity calendar ${appointment.calendarID}; link one, then replay.`,
    );
  }

  const facts = bookingFactsFromAppointment(appointment);
  const booked = new Date(appointment.datetimeCreated);
  // When Acuity took the booking; the seed requires it to precede the appointment.
  const bookedAt = Number.isNaN(booked.getTime()) ? new Date() : booked;
  if (!isRecordableTime(facts.appointmentDate, bookedAt)) {
    if (appointment.canceled)
      return { outcome: "ignored", reason: "cancelled appointment entered in Acuity after its own time" };
    throw enteredAfterItsTime(appointment.id);
  }
  const organization = await resolveOrganization(tx, appointment);
  const stages = initialStagesFromAcuity({
    canceled: appointment.canceled,
    noShow: appointment.noShow ?? false,
  });
  const bookingId = newId();
  await tx.insert(bookings).values({
    id: bookingId,
    acuityAppointmentId: String(appointment.id),
    specialistId: specialist.id,
    organizationId: organization.organizationId,
    teamId: null,
    createdById: context.systemUserId,
    ...facts,
    currentProgress: stages.at(-1)!,
    source: "acuity_direct",
    externalCreatedBy: appointment.scheduledBy,
    createdAt: bookedAt,
  });
  await tx.insert(bookingProgress).values(
    stages.map((progress, step) => ({
      bookingId,
      progress,
      changedById: context.systemUserId,
      notes:
        step === 0
          ? `Booked directly in Acuity${appointment.scheduledBy ? ` by ${appointment.scheduledBy}` : ""}`
          : "Changed in Acuity",
    })),
  );
  await recordAudit(tx, systemAuditContext(context.systemUserId), {
    action: "booking.synced_from_acuity",
    resourceType: "booking",
    resourceId: bookingId,
    metadata: {
      created: true,
      acuityAppointmentId: appointment.id,
      organizationRule: organization.rule,
      eventIds: context.eventIds,
      trigger: context.trigger,
    },
  });
  await copyOrganizationContacts(tx, { bookingId, organizationId: organization.organizationId });
  await recordBookingChange(tx, { bookingId, actorUserId: null }, directBookingEvent(stages.at(-1)!));
  // First seen as a no-show: that is chargeable. First seen cancelled: when it was cancelled is
  // unknown, so whether it was late is too — no charge.
  if (stages.at(-1) === "no_show") {
    await recordChargeForStageChange(tx, systemAuditContext(context.systemUserId), {
      bookingId,
      to: "no_show",
      at: context.readStartedAt,
      cancelledBy: "acuity",
    });
  }
  return { outcome: "created", bookingId, organizationRule: organization.rule };
}
