import type { ProgressStage } from "@/db/schema/enums";
import { BEFORE_EXAM } from "@/lib/bookings/progress/transitions";

/**
 * The stage a booking should have given what Acuity says now. Acuity only knows the
 * appointment: it can cancel, mark a no-show or move it — and only before the examination
 * stages that the portal owns (report, payment) does that change the stage.
 */
export function stageFromAcuity(
  current: ProgressStage,
  acuity: { canceled: boolean; noShow: boolean; moved: boolean },
): ProgressStage {
  if (!BEFORE_EXAM.includes(current)) return current;
  if (acuity.canceled) return acuity.noShow ? "no_show" : "cancelled";
  if (acuity.moved) return "rescheduled";
  return current;
}

/** The history of a booking first seen through Acuity: it was scheduled, then whatever it is now. */
export function initialStagesFromAcuity(acuity: { canceled: boolean; noShow: boolean }): ProgressStage[] {
  if (!acuity.canceled) return ["scheduled"];
  return ["scheduled", acuity.noShow ? "no_show" : "cancelled"];
}
