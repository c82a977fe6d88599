import type { ProgressStage } from "@/db/schema/enums";
import { STAGE_NAMES } from "@/lib/bookings/progress/stage-names";

/** Label and colour of each stage, wherever a stage is shown (tables, booking page, agenda). */
export const PROGRESS_LABELS: Record<ProgressStage, { label: string; tone: string }> = {
  scheduled: { label: STAGE_NAMES.scheduled, tone: "bg-sky-100 text-sky-800" },
  rescheduled: { label: STAGE_NAMES.rescheduled, tone: "bg-indigo-100 text-indigo-800" },
  cancelled: { label: STAGE_NAMES.cancelled, tone: "bg-slate-200 text-slate-700" },
  no_show: { label: STAGE_NAMES.no_show, tone: "bg-rose-100 text-rose-800" },
  generating_report: { label: STAGE_NAMES.generating_report, tone: "bg-amber-100 text-amber-800" },
  report_generated: { label: STAGE_NAMES.report_generated, tone: "bg-emerald-100 text-emerald-800" },
  payment_received: { label: STAGE_NAMES.payment_received, tone: "bg-teal-100 text-teal-800" },
};
