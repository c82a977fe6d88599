"use server";
import { defineAction } from "@/lib/actions/define-action";
import {
  addBillingContactDefinition,
  removeBillingContactDefinition,
} from "@/lib/billing/invoices/billing-contact-definitions";
import {
  createInvoiceDraftDefinition,
  issueInvoiceDefinition,
  markInvoicePaidDefinition,
  resendInvoiceDefinition,
  voidInvoiceDefinition,
} from "@/lib/billing/invoices/invoice-definitions";

export const createInvoiceDraftAction = defineAction(createInvoiceDraftDefinition);
export const issueInvoiceAction = defineAction(issueInvoiceDefinition);
export const markInvoicePaidAction = defineAction(markInvoicePaidDefinition);
export const voidInvoiceAction = defineAction(voidInvoiceDefinition);
export const resendInvoiceAction = defineAction(resendInvoiceDefinition);
export const addBillingContactAction = defineAction(addBillingContactDefinition);
export const removeBillingContactAction = defineAction(removeBillingContactDefinition);
