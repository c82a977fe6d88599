import type { ChargeKind } from "@/db/schema/billing";

/** What a charge is, on the PDF, the screens and the CSV. */
export const CHARGE_KIND_LABELS: Record<ChargeKind, string> = {
  examination: "Examination",
  late_cancellation: "Late cancellation",
  no_show: "Non-attendance",
};
