/**
 * Which notification event a booking change is — pure rules, one per place a change is applied
 * (portal progress moves, Acuity syncs, bookings first seen in Acuity). The callers record the
 * event in the change's own transaction (record-booking-change.ts), so a change that is rolled
 * back, or a webhook that changes nothing, records nothing.
 */
import type { ProgressStage } from "@/db/schema/enums";
import type { AuditContext } from "@/lib/audit/request-context";
import type { NotificationEventFacts, NotificationEventKind } from "./kinds";

export type BookingEventKind = Exclude<NotificationEventKind, "attention.needed">;

export interface BookingEventPlan {
  kind: BookingEventKind;
  facts: NotificationEventFacts;
}

/**
 * Whose change it was, as people see it: the impersonated user when an admin acted for someone
 * (the audit row records the admin beside them), else the user who acted.
 */
export const notificationActorOf = (context: Pick<AuditContext, "actorUserId" | "impersonatedUserId">) =>
  context.impersonatedUserId ?? context.actorUserId;

const moveFacts = (from: Date, to: Date) => ({ from: from.toISOString(), to: to.toISOString() });

/**
 * A stage change made in the portal. Regular moves notify when they reach a stage people are
 * told about. An admin correction fixes the portal's record: to no-show or report-ready it is
 * news to the referrer (the report is there now, or the examinee did not come), so it notifies;
 * to cancelled or rescheduled it does not — those are the appointment's own facts, Acuity's to
 * tell, and its webhook notifies when it brings them. A correction *away* from a stage never
 * notifies. A reschedule without a recorded move (only a correction has none) is not news either.
 */
export function portalProgressEvent(change: {
  to: ProgressStage;
  isCorrection: boolean;
  move?: { appointmentFrom: Date; appointmentTo: Date } | null | void;
}): BookingEventPlan | null {
  const via = "portal" as const;
  switch (change.to) {
    case "rescheduled":
      if (change.isCorrection || !change.move) return null;
      return {
        kind: "booking.rescheduled",
        facts: { via, ...moveFacts(change.move.appointmentFrom, change.move.appointmentTo) },
      };
    case "cancelled":
      return change.isCorrection ? null : { kind: "booking.cancelled", facts: { via } };
    case "no_show":
      return { kind: "booking.no_show", facts: { via } };
    case "report_generated":
      return { kind: "booking.report_ready", facts: { via } };
    default:
      return null;
  }
}

/**
 * What applying Acuity's appointment to an existing booking changed, as news. The stage decides
 * (derive-stage.ts): cancelled, no-show, or rescheduled — a move counts only while the booking is
 * before its examination, the same rule that makes it `rescheduled`. A move to another
 * specialist's calendar at the same time is a reschedule too (from = to). Nothing else Acuity
 * changes (the meeting link, the examinee's details) is news.
 */
export function acuitySyncEvent(sync: {
  fromStage: ProgressStage;
  toStage: ProgressStage;
  moved: boolean;
  /** The appointment time before and after, when it changed. */
  time?: [Date, Date];
  appointmentDate: Date;
}): BookingEventPlan | null {
  const via = "acuity" as const;
  const stageChanged = sync.toStage !== sync.fromStage;
  if (stageChanged && sync.toStage === "cancelled") return { kind: "booking.cancelled", facts: { via } };
  if (stageChanged && sync.toStage === "no_show") return { kind: "booking.no_show", facts: { via } };
  if (sync.toStage === "rescheduled" && (sync.moved || stageChanged)) {
    const [from, to] = sync.time ?? [sync.appointmentDate, sync.appointmentDate];
    return { kind: "booking.rescheduled", facts: { via, ...moveFacts(from, to) } };
  }
  return null;
}

/**
 * A booking the portal first sees in Acuity. A live appointment is booked news. One that is
 * already cancelled was never announced, so its cancellation is no news to anyone; one already
 * marked no-show is (the referrer side learns the examinee did not attend).
 */
export function directBookingEvent(finalStage: ProgressStage): BookingEventPlan | null {
  const via = "acuity" as const;
  if (finalStage === "no_show") return { kind: "booking.no_show", facts: { via } };
  if (finalStage === "cancelled") return null;
  return { kind: "booking.booked", facts: { via } };
}
