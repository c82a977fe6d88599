"use server";
import { defineAction } from "@/lib/actions/define-action";
import { setReportDueDaysDefinition } from "@/lib/organizations/report-due-setting-definitions";

/** "Reports due after N business days": the organization setting the due-day trigger reads. */
export const setReportDueDaysAction = defineAction(setReportDueDaysDefinition);
