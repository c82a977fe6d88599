import type { ProgressStage } from "@/db/schema/enums";

export const PROGRESS_LABELS: Record<ProgressStage, { label: string; tone: string }> = {
  scheduled: { label: "Scheduled", tone: "bg-sky-100 text-sky-800" },
  rescheduled: { label: "Rescheduled", tone: "bg-indigo-100 text-indigo-800" },
  cancelled: { label: "Cancelled", tone: "bg-slate-200 text-slate-700" },
  no_show: { label: "No-show", tone: "bg-rose-100 text-rose-800" },
  generating_report: { label: "Report in progress", tone: "bg-amber-100 text-amber-800" },
  report_generated: { label: "Report ready", tone: "bg-emerald-100 text-emerald-800" },
  payment_received: { label: "Paid", tone: "bg-teal-100 text-teal-800" },
};
