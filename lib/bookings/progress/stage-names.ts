import type { ProgressStage } from "@/db/schema/enums";

/** What people call each stage — used in labels, buttons and refusal messages alike. */
export const STAGE_NAMES: Record<ProgressStage, string> = {
  scheduled: "Scheduled",
  rescheduled: "Rescheduled",
  cancelled: "Cancelled",
  no_show: "No-show",
  generating_report: "Report in progress",
  report_generated: "Report ready",
  payment_received: "Paid",
};
