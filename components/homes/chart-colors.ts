import type { ProgressStage } from "@/db/schema/enums";

/**
 * One colour per stage in the charts (Tailwind 600/500 shades, each ≥ 3:1 against white — WCAG
 * 1.4.11 for graphics); the legend and the table beside every chart carry the words.
 */
export const STAGE_COLORS: Record<ProgressStage, string> = {
  scheduled: "#0284c7",
  rescheduled: "#4f46e5",
  cancelled: "#64748b",
  no_show: "#e11d48",
  generating_report: "#d97706",
  report_generated: "#059669",
  payment_received: "#0f766e",
};

/** Lines of the turnaround chart, one per specialist, in order. */
export const SERIES_COLORS = ["#4f46e5", "#d97706", "#059669", "#e11d48", "#0284c7", "#7c3aed"];
