import { PROGRESS_STAGES, type BookingStatus, type ProgressStage } from "@/db/schema/enums";
import type { ErrorCode } from "@/lib/errors/codes";
import type { Actor } from "@/lib/authz/actor";
import {
  canSeeAsReferrer,
  canSetProgress,
  isBookingArchived,
  isBookingSpecialist,
  isPlatformAdmin,
  type BookingAccessFacts,
} from "@/lib/authz/policy";
import { ARCHIVED_MESSAGE } from "./messages";
import { STAGE_NAMES } from "./stage-names";
import { TRANSITIONS, type TransitionRole, type TransitionRule } from "./transitions";

export interface BookingProgressFacts extends BookingAccessFacts {
  currentProgress: ProgressStage;
  status: BookingStatus;
  appointmentDate: Date;
}

export interface TransitionContext {
  now: Date;
  /** Documents of category `report` on the booking. */
  reportCount: number;
}

export type TransitionVerdict =
  | { ok: true; rule: TransitionRule | null; isCorrection: boolean }
  | { ok: false; code: ErrorCode; reason: string };

function rolesOf(actor: Actor, booking: BookingAccessFacts): TransitionRole[] {
  const roles: TransitionRole[] = [];
  if (isPlatformAdmin(actor)) roles.push("admin");
  if (isBookingSpecialist(actor, booking)) roles.push("specialist");
  if (canSeeAsReferrer(actor, booking)) roles.push("referrer");
  return roles;
}

function blockedBy(
  rule: TransitionRule,
  booking: BookingProgressFacts,
  context: TransitionContext,
): string | null {
  const started = booking.appointmentDate.getTime() <= context.now.getTime();
  if (rule.timing === "before_exam" && started)
    return "The examination time has passed, so this can no longer be done.";
  if (rule.timing === "after_exam_start" && !started)
    return "This is possible only once the examination time has passed.";
  if (rule.requiresReport && context.reportCount === 0)
    return "Upload the report first: a report document is required.";
  return null;
}

/**
 * May `actor` move `booking` to `to` now? Regular moves follow TRANSITIONS; an admin may also
 * make any other move as a correction, which needs a note. The policy module must agree too.
 */
export function evaluateTransition(
  actor: Actor,
  booking: BookingProgressFacts,
  to: ProgressStage,
  context: TransitionContext & { note?: string | null; asCorrection?: boolean },
): TransitionVerdict {
  const hasNote = Boolean(context.note?.trim());
  if (isBookingArchived(booking)) return { ok: false, code: "conflict", reason: ARCHIVED_MESSAGE };
  if (!canSetProgress(actor, booking, to))
    return { ok: false, code: "forbidden", reason: "You cannot move this booking to that stage." };

  if (!context.asCorrection) {
    if (booking.status !== "active")
      return {
        ok: false,
        code: "conflict",
        reason: "This booking is closed; only an administrator can correct it.",
      };
    const roles = rolesOf(actor, booking);
    const rule = TRANSITIONS.find(
      (r) =>
        r.to === to &&
        r.from.includes(booking.currentProgress) &&
        r.roles.some((role) => roles.includes(role)),
    );
    if (!rule) {
      const hint = isPlatformAdmin(actor) ? " To fix the record, correct the stage with a note." : "";
      return {
        ok: false,
        code: "conflict",
        reason: `A booking at "${STAGE_NAMES[booking.currentProgress]}" cannot move to "${STAGE_NAMES[to]}".${hint}`,
      };
    }
    const blocked = blockedBy(rule, booking, context);
    if (blocked) return { ok: false, code: "conflict", reason: blocked };
    if (rule.requiresNote && !hasNote)
      return { ok: false, code: "invalid_input", reason: "Add a note saying why." };
    return { ok: true, rule, isCorrection: false };
  }

  if (!isPlatformAdmin(actor))
    return { ok: false, code: "forbidden", reason: "Only an administrator can correct a stage." };
  if (to === booking.currentProgress)
    return { ok: false, code: "conflict", reason: "The booking is already at that stage." };
  if (!hasNote) return { ok: false, code: "invalid_input", reason: "A correction needs a note saying why." };
  return { ok: true, rule: null, isCorrection: true };
}

export interface OfferedTransition {
  rule: TransitionRule;
  /** null when it can be done now; else why not, for a disabled button's explanation. */
  blockedReason: string | null;
}

/** The regular moves to offer this actor on this booking, each possible now or explained. */
export function offeredTransitions(
  actor: Actor,
  booking: BookingProgressFacts,
  context: TransitionContext,
): OfferedTransition[] {
  if (booking.status !== "active") return [];
  const roles = rolesOf(actor, booking);
  return TRANSITIONS.filter(
    (rule) =>
      rule.from.includes(booking.currentProgress) &&
      rule.roles.some((role) => roles.includes(role)) &&
      canSetProgress(actor, booking, rule.to),
  ).map((rule) => ({ rule, blockedReason: blockedBy(rule, booking, context) }));
}

/** Stages an admin may correct to (every stage but the current one; none once archived). */
export const correctionTargets = (booking: BookingProgressFacts): ProgressStage[] =>
  isBookingArchived(booking) ? [] : PROGRESS_STAGES.filter((stage) => stage !== booking.currentProgress);
