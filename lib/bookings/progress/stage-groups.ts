/**
 * Stage groups the specialist's lists need, derived from the transition table so no list
 * hard-codes its own idea of the lifecycle.
 */
import type { ProgressStage } from "@/db/schema/enums";
import { TRANSITIONS, type TransitionRule } from "./transitions";

const fromStagesOf = (match: (rule: TransitionRule) => boolean): ProgressStage[] => [
  ...new Set(TRANSITIONS.filter(match).flatMap((rule) => rule.from)),
];

/** The examination is still expected: a no-show can be marked from these stages. */
export const AWAITING_EXAM_STAGES = fromStagesOf((rule) => rule.kind === "no_show");

/** The report is still to be started or finished from these stages (once the exam time passed). */
export const REPORT_OWED_STAGES = fromStagesOf(
  (rule) => rule.to === "generating_report" || rule.to === "report_generated",
);
