"use server";
import { defineAction } from "@/lib/actions/define-action";
import {
  addBillingContactDefinition,
  removeBillingContactDefinition,
} from "@/lib/billing/invoices/billing-contact-definitions";

export const addBillingContactAction = defineAction(addBillingContactDefinition);
export const removeBillingContactAction = defineAction(removeBillingContactDefinition);
