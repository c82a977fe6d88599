"use server";
import { defineAction } from "@/lib/actions/define-action";
import {
  deleteFeeScheduleDefinition,
  saveFeeScheduleDefinition,
} from "@/lib/billing/fee-schedule-definitions";

export const saveFeeScheduleAction = defineAction(saveFeeScheduleDefinition);
/** An organization's own schedule only; the default cannot be removed, only changed. */
export const deleteFeeScheduleAction = defineAction(deleteFeeScheduleDefinition);
