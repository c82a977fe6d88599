/**
 * The booking lifecycle of shared/PRODUCT.md as data — the single place that knows which
 * stage may follow which, who may make each move, and what each requires. Screens and actions
 * ask evaluate-transition.ts, which reads this table; nobody hard-codes a stage list.
 *
 *   scheduled → rescheduled* → no_show | generating_report → report_generated → payment_received
 *   cancelled from any stage before the examination. Admins may correct anything, with a note.
 */
import type { ProgressStage } from "@/db/schema/enums";

export type TransitionRole = "referrer" | "specialist" | "admin";

/** How a move is carried out: some also change the appointment in Acuity. */
export type TransitionKind = "reschedule" | "cancel" | "no_show" | "advance";

export interface TransitionRule {
  from: readonly ProgressStage[];
  to: ProgressStage;
  kind: TransitionKind;
  roles: readonly TransitionRole[];
  requiresNote: boolean;
  /** before: the examination has not started; after: its start time has passed. */
  timing?: "before_exam" | "after_exam_start";
  /** At least one document of category `report` must exist. */
  requiresReport?: boolean;
  label: string;
}

/** The stages before the examination: the appointment can still move or be cancelled. */
export const BEFORE_EXAM: readonly ProgressStage[] = ["scheduled", "rescheduled"];

export const TRANSITIONS: readonly TransitionRule[] = [
  {
    from: BEFORE_EXAM,
    to: "rescheduled",
    kind: "reschedule",
    roles: ["referrer", "admin"],
    requiresNote: false,
    timing: "before_exam",
    label: "Reschedule",
  },
  {
    from: BEFORE_EXAM,
    to: "cancelled",
    kind: "cancel",
    roles: ["referrer", "admin"],
    requiresNote: true,
    timing: "before_exam",
    label: "Cancel booking",
  },
  {
    from: BEFORE_EXAM,
    to: "no_show",
    kind: "no_show",
    roles: ["specialist", "admin"],
    requiresNote: false,
    timing: "after_exam_start",
    label: "Mark no-show",
  },
  {
    from: BEFORE_EXAM,
    to: "generating_report",
    kind: "advance",
    roles: ["specialist", "admin"],
    requiresNote: false,
    timing: "after_exam_start",
    label: "Start report",
  },
  {
    from: ["generating_report"],
    to: "report_generated",
    kind: "advance",
    roles: ["specialist", "admin"],
    requiresNote: false,
    requiresReport: true,
    label: "Mark report generated",
  },
  {
    from: ["report_generated"],
    to: "payment_received",
    kind: "advance",
    roles: ["admin"],
    requiresNote: false,
    // Paying the booking's invoice does this (lib/billing/invoices); the button is for corrections.
    label: "Mark payment received (correction)",
  },
];
