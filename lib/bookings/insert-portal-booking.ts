import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { bookingProgress, bookingRequests, bookings } from "@/db/schema";
import { parseAcuityDatetime, type AcuityAppointment } from "@/lib/acuity";
import { recordAudit } from "@/lib/audit/record-audit";
import type { AuditContext } from "@/lib/audit/request-context";
import { notificationActorOf } from "@/lib/notifications/booking-change-events";
import { copyOrganizationContacts } from "@/lib/notifications/copy-organization-contacts";
import { recordNotificationEvent } from "@/lib/notifications/record-event";
import { meetingLinkOf } from "./acuity-booking-input";
import type { CreateBookingInput } from "./schemas";

/**
 * Step 2 of booking, in one transaction: the booking row (source portal, with the referral
 * details; the database fills in the report's due day), its `scheduled`
 * progress row, the organization's default report recipients, the audit row, the booked
 * notification event, and the idempotency key pointing at the booking.
 */
export async function insertPortalBooking(
  tx: Tx,
  auditContext: AuditContext,
  booking: { id: string; specialistId: string; input: CreateBookingInput; appointment: AcuityAppointment },
): Promise<void> {
  const { input, appointment } = booking;
  const appointmentDate = parseAcuityDatetime(appointment.datetime);
  const meetingLink = meetingLinkOf(input.appointmentType, appointment);
  await tx.insert(bookings).values({
    id: booking.id,
    acuityAppointmentId: String(appointment.id),
    specialistId: booking.specialistId,
    organizationId: input.organizationId,
    teamId: input.teamId,
    createdById: auditContext.actorUserId,
    createdForId: auditContext.impersonatedUserId,
    examineeName: input.examineeName,
    examineePhone: input.examineePhone,
    examineeEmail: input.examineeEmail,
    appointmentDate,
    appointmentType: input.appointmentType,
    meetingLink,
    source: "portal",
    notes: input.notes,
    claimNumber: input.claimNumber ?? null,
    dateOfInjury: input.dateOfInjury ?? null,
    reportType: input.reportType ?? null,
    caseManagerReference: input.caseManagerReference ?? null,
  });
  await tx.insert(bookingProgress).values({
    bookingId: booking.id,
    progress: "scheduled",
    changedById: auditContext.actorUserId,
    changedForId: auditContext.impersonatedUserId,
    notes: "Booked in the portal",
  });
  await recordAudit(tx, auditContext, {
    action: "booking.created",
    resourceType: "booking",
    resourceId: booking.id,
    metadata: {
      acuityAppointmentId: appointment.id,
      specialistId: booking.specialistId,
      organizationId: input.organizationId,
      teamId: input.teamId,
      appointmentDate: appointmentDate.toISOString(),
      appointmentType: input.appointmentType,
    },
  });
  await copyOrganizationContacts(tx, { bookingId: booking.id, organizationId: input.organizationId });
  await recordNotificationEvent(tx, {
    kind: "booking.booked",
    bookingId: booking.id,
    actorUserId: notificationActorOf(auditContext),
    facts: { via: "portal" },
  });
  await tx
    .update(bookingRequests)
    .set({ bookingId: booking.id, acuityAppointmentId: String(appointment.id) })
    .where(eq(bookingRequests.idempotencyKey, input.idempotencyKey));
}
