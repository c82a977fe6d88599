/**
 * The referral details' fields as the forms show them — labels, bounds, suggestions — without
 * zod, so the booking form and the booking page's edit form share them without shipping zod to
 * the browser (issue 14: first-load JavaScript). lib/bookings/referral-details.ts holds the zod
 * rules built on them (the server checks every submission with those) and re-exports these.
 */

/** The columns' bounds (db/schema/bookings.ts): the bound of the column is the bound of the field. */
export const REFERRAL_LIMITS = {
  claimNumber: 100,
  reportType: 120,
  caseManagerReference: 100,
} as const;

/** Offered by the form's `<datalist>`; any other wording is accepted as typed. */
export const COMMON_REPORT_TYPES = [
  "Independent medical examination",
  "File review",
  "Addendum report",
  "Functional capacity evaluation",
  "Impairment rating",
] as const;

export { REFERRAL_FIELDS, REFERRAL_LABELS, type ReferralField } from "./referral-labels";
