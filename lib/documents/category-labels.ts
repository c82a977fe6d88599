import type { DocumentCategory } from "@/db/schema/enums";

/** How categories read on screen and in messages; order = the order of sections on the page. */
export const CATEGORY_LABELS: Record<DocumentCategory, { one: string; many: string }> = {
  brief: { one: "Brief", many: "Briefs" },
  consent_form: { one: "Consent form", many: "Consent forms" },
  report: { one: "Report", many: "Reports" },
  dictation: { one: "Dictation", many: "Dictations" },
  other: { one: "Other document", many: "Other documents" },
};

export const CATEGORY_ORDER: readonly DocumentCategory[] = [
  "brief",
  "consent_form",
  "report",
  "dictation",
  "other",
];
