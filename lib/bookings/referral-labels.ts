/**
 * The referral details' field names and labels alone: what the booking form needs for its error
 * summary, without the bounds and suggestions of ./referral-fields.ts (the fields themselves are
 * written on the server) — every byte of the booking form is on its page's first load (issue 14).
 */
export const REFERRAL_LABELS = {
  claimNumber: "Claim or matter number",
  dateOfInjury: "Date of injury",
  reportType: "Type of report requested",
  caseManagerReference: "Case manager's reference",
} as const;
export type ReferralField = keyof typeof REFERRAL_LABELS;
export const REFERRAL_FIELDS = Object.keys(REFERRAL_LABELS) as ReferralField[];
