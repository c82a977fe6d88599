import { z } from "zod";
import { INVOICE_STATES } from "@/db/schema/invoices";
import { atMost, emailField, LIMITS, optionalIdField, recordIdField } from "@/lib/validation/limits";

const calendarDate = (message: string) => z.iso.date(message);

/**
 * A draft for an organization: for a period (inclusive dates), or for one booking's charges.
 * Posted as a plain form, so empty fields arrive as "" and mean "not given".
 */
export const createDraftSchema = z
  .object({
    organizationId: recordIdField("Choose an organization"),
    periodStart: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .pipe(calendarDate("Enter the first day of the period").optional()),
    periodEnd: z
      .string()
      .optional()
      .transform((value) => value || undefined)
      .pipe(calendarDate("Enter the last day of the period").optional()),
    bookingId: optionalIdField(),
    currency: z
      .string()
      .trim()
      .toUpperCase()
      .optional()
      .transform((value) => value || undefined)
      .pipe(
        z
          .string()
          .regex(/^[A-Z]{3}$/, "A three-letter currency code, e.g. USD")
          .optional(),
      ),
  })
  .superRefine((value, context) => {
    if (value.bookingId) return;
    if (!value.periodStart)
      context.addIssue({
        code: "custom",
        path: ["periodStart"],
        message: "Enter the first day of the period",
      });
    if (!value.periodEnd)
      context.addIssue({ code: "custom", path: ["periodEnd"], message: "Enter the last day of the period" });
    if (value.periodStart && value.periodEnd && value.periodEnd < value.periodStart)
      context.addIssue({
        code: "custom",
        path: ["periodEnd"],
        message: "The period ends on or after its first day",
      });
  });
export type CreateDraftInput = z.infer<typeof createDraftSchema>;

export const invoiceIdSchema = z.object({ invoiceId: recordIdField() });

export const voidInvoiceSchema = z.object({
  invoiceId: recordIdField(),
  reason: z
    .string()
    .trim()
    .min(3, "Say why the invoice is voided (it is printed on the credit note)")
    .max(LIMITS.reason, atMost(LIMITS.reason)),
});
export type VoidInvoiceInput = z.infer<typeof voidInvoiceSchema>;

export const billingContactSchema = z.object({
  organizationId: recordIdField(),
  email: emailField("Enter an e-mail address"),
  name: z
    .string()
    .trim()
    .max(LIMITS.personName, atMost(LIMITS.personName))
    .optional()
    .transform((value) => value || null),
});
export const removeBillingContactSchema = z.object({
  organizationId: recordIdField(),
  contactId: recordIdField(),
});

/** The admin list's filters (from the URL): all optional. */
export const invoiceListFilterSchema = z.object({
  organizationId: optionalIdField(),
  state: z.enum(INVOICE_STATES).optional().catch(undefined),
  from: calendarDate("from").optional().catch(undefined),
  to: calendarDate("to").optional().catch(undefined),
});
export type InvoiceListFilter = z.infer<typeof invoiceListFilterSchema>;
