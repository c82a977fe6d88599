"use server";
import { defineAction } from "@/lib/actions/define-action";
import { waiveChargeDefinition } from "@/lib/billing/charge-definitions";

/** An admin waives one of the booking's charges, with a reason (audited). */
export const waiveChargeAction = defineAction(waiveChargeDefinition);
