import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { bookingProgress, bookings, specialists } from "@/db/schema";
import type { AcuityAppointment } from "@/lib/acuity";
import { recordAudit } from "@/lib/audit/record-audit";
import { recordChargeForStageChange } from "@/lib/billing/record-charge";
import { acuitySyncEvent } from "@/lib/notifications/booking-change-events";
import { recordBookingChange } from "@/lib/notifications/record-booking-change";
import { bookingFactsFromAppointment } from "./appointment-facts";
import { createDirectBooking } from "./create-direct-booking";
import { stageFromAcuity } from "./derive-stage";
import { SyncDeferredError } from "./errors";
import { isRecordableTime, movedBeforeBooking } from "./recordable-time";
import { claimSyncMark } from "./sync-mark";
import { systemAuditContext, type SyncContext } from "./sync-context";

export type ApplyOutcome =
  | { outcome: "created"; bookingId: string; organizationRule: string }
  | { outcome: "updated"; bookingId: string; changes: Record<string, [unknown, unknown]> }
  | { outcome: "unchanged"; bookingId: string }
  | { outcome: "stale" }
  | { outcome: "ignored"; reason: string };

/**
 * Acuity is the truth for the appointment itself — when, with whom (the calendar's specialist),
 * in person or telehealth, the meeting link; the portal is the record of who the examinee
 * is for bookings made in the portal (Acuity may hold the booker's e-mail as a stand-in, since it
 * requires one). So examinee details follow Acuity only for bookings made in Acuity.
 */
const APPOINTMENT_FIELDS = ["appointmentDate", "specialistId", "appointmentType", "meetingLink"] as const;
const EXAMINEE_FIELDS = ["examineeName", "examineePhone", "examineeEmail"] as const;

/**
 * The specialist linked to the appointment's calendar. Staff can move an appointment to a
 * calendar no specialist is linked to yet: that fails the sync with a reason admins see on
 * /admin/webhooks, and a replay after linking one finishes it.
 */
async function specialistOfCalendar(tx: Tx, appointment: AcuityAppointment): Promise<string> {
  const [specialist] = await tx
    .select({ id: specialists.id })
    .from(specialists)
    .where(eq(specialists.acuityCalendarId, String(appointment.calendarID)));
  if (!specialist) {
    throw new SyncDeferredError(
      `Appointment ${appointment.id} is on Acuity calendar ${appointment.calendarID}, which no specialist is linked to; link one, then replay.`,
    );
  }
  return specialist.id;
}

const same = (a: unknown, b: unknown) =>
  a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;

/**
 * Makes the booking match Acuity's appointment, inside the caller's transaction. The sync mark
 * serializes syncs of one appointment and drops a read older than one already applied, or
 * than the portal's own change to the appointment (sync-mark.ts). A
 * progress row is added when the stage changes or the appointment moves (another time — with
 * the old and the new one — or another specialist), also when the stage stays `rescheduled`;
 * an audit row when anything changed, and a notification event when the change is news
 * (cancelled, no-show, moved) — so a second delivery of the same news writes nothing, and a
 * portal change's own webhook (the portal already wrote what Acuity says) records no second event.
 */
export async function applyAcuityAppointment(
  tx: Tx,
  appointment: AcuityAppointment,
  context: SyncContext,
): Promise<ApplyOutcome> {
  const appointmentId = String(appointment.id);
  // The booking's lock before the mark's, as the portal's own changes take them (sync-mark.ts):
  // a portal move holds the booking while it waits for Acuity, then raises the mark.
  const bookingOfAppointment = () =>
    tx.select().from(bookings).where(eq(bookings.acuityAppointmentId, appointmentId));
  let [booking] = await bookingOfAppointment().for("update");
  if (!(await claimSyncMark(tx, appointmentId, context.readStartedAt))) return { outcome: "stale" };
  if (!booking) {
    // None when this sync began; the portal, or a sync of the same appointment that held the mark
    // first, may have saved it since. Take it only if it is free: waiting for its lock while this
    // transaction holds the mark is the reverse order of a portal change, which could be holding it.
    [booking] = await bookingOfAppointment().for("update", { skipLocked: true });
    if (!booking) {
      const [busy] = await bookingOfAppointment();
      if (busy) throw new SyncDeferredError(`The booking for appointment ${appointmentId} is being changed.`);
      return createDirectBooking(tx, appointment, context);
    }
  }

  const facts = {
    ...bookingFactsFromAppointment(appointment),
    specialistId: await specialistOfCalendar(tx, appointment),
  };
  const changes: Record<string, [unknown, unknown]> = {};
  const fields =
    booking.source === "acuity_direct" ? [...APPOINTMENT_FIELDS, ...EXAMINEE_FIELDS] : APPOINTMENT_FIELDS;
  for (const field of fields) {
    if (!same(booking[field], facts[field])) changes[field] = [booking[field], facts[field]];
  }
  if (changes.appointmentDate && !isRecordableTime(facts.appointmentDate, booking.createdAt)) {
    if (!appointment.canceled) throw movedBeforeBooking(appointment.id, booking.id);
    // Cancelled as well: the cancellation is what matters; keep the last time the portal could hold.
    delete changes.appointmentDate;
  }
  // Another time or another specialist's calendar: either way the examinee must be told.
  const moved = "appointmentDate" in changes || "specialistId" in changes;
  const stage = stageFromAcuity(booking.currentProgress, {
    canceled: appointment.canceled,
    noShow: appointment.noShow ?? false,
    moved,
  });
  if (stage !== booking.currentProgress) changes.currentProgress = [booking.currentProgress, stage];
  if (Object.keys(changes).length === 0) return { outcome: "unchanged", bookingId: booking.id };

  const update = Object.fromEntries(Object.entries(changes).map(([field, [, next]]) => [field, next]));
  await tx.update(bookings).set(update).where(eq(bookings.id, booking.id));
  const time = changes.appointmentDate as [Date, Date] | undefined;
  if (changes.currentProgress || moved) {
    await tx.insert(bookingProgress).values({
      bookingId: booking.id,
      progress: stage,
      changedById: context.systemUserId,
      notes: appointment.canceled
        ? "Cancelled in Acuity"
        : changes.specialistId
          ? "Moved to another specialist in Acuity"
          : "Moved in Acuity",
      ...(time ? { appointmentFrom: time[0], appointmentTo: time[1] } : {}),
    });
  }
  await recordAudit(tx, systemAuditContext(context.systemUserId), {
    action: "booking.synced_from_acuity",
    resourceType: "booking",
    resourceId: booking.id,
    metadata: {
      changes,
      acuityAppointmentId: appointment.id,
      eventIds: context.eventIds,
      trigger: context.trigger,
    },
  });
  await recordBookingChange(
    tx,
    { bookingId: booking.id, actorUserId: null },
    acuitySyncEvent({
      fromStage: booking.currentProgress,
      toStage: stage,
      moved,
      time,
      appointmentDate: booking.appointmentDate,
    }),
  );
  if (changes.currentProgress) {
    // A cancellation or no-show made in Acuity charges like one made in the portal; a portal
    // change's own webhook finds the stage already set (no change here) or the charge already made.
    await recordChargeForStageChange(tx, systemAuditContext(context.systemUserId), {
      bookingId: booking.id,
      to: stage,
      at: context.readStartedAt,
      cancelledBy: "acuity",
    });
  }
  return { outcome: "updated", bookingId: booking.id, changes };
}
