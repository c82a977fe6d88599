/**
 * A booking's referral details (issue 15): the claim or matter number, the date of injury, the
 * type of report asked for and the case manager's own reference — all optional, all what a case
 * manager searches and files by. Plain zod (no database): the server actions' rules and messages.
 * The forms' labels and bounds are in ./referral-fields.ts (no zod), re-exported here.
 */
import { z } from "zod";
import { atMost, recordIdField } from "@/lib/validation/limits";
import { REFERRAL_FIELDS, REFERRAL_LIMITS, type ReferralField } from "./referral-fields";

export {
  COMMON_REPORT_TYPES,
  REFERRAL_FIELDS,
  REFERRAL_LABELS,
  REFERRAL_LIMITS,
  type ReferralField,
} from "./referral-fields";

/**
 * The latest "today" anywhere on Earth (UTC+14, Kiritimati): the server does not know the
 * person's zone, and refusing today's injury to someone whose day has begun ahead of ours would
 * be wrong. A date after that is in the future for everyone.
 */
export const latestTodayOnEarth = (now = new Date()) =>
  new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);

/** A real calendar day as `YYYY-MM-DD` (not 2026-02-30). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The oldest injury the portal takes: earlier is a typing slip (a year of 1026), not a claim. */
export const EARLIEST_INJURY_DATE = "1900-01-01";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, atMost(max))
    .optional()
    .transform((value) => value || null);

const dateOfInjury = z
  .string()
  .trim()
  .max(10, "Enter the date as YYYY-MM-DD")
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || isCalendarDate(value), "Enter a real date, e.g. 2026-03-14")
  .refine(
    (value) => value === null || !isCalendarDate(value) || value >= EARLIEST_INJURY_DATE,
    "Enter a date after 1900",
  )
  .refine(
    (value) => value === null || !isCalendarDate(value) || value <= latestTodayOnEarth(),
    "The date of injury cannot be in the future",
  );

/** The four fields, each optional: empty or missing is stored as null. */
export const referralDetailsFields = {
  claimNumber: optionalText(REFERRAL_LIMITS.claimNumber),
  dateOfInjury,
  reportType: optionalText(REFERRAL_LIMITS.reportType),
  caseManagerReference: optionalText(REFERRAL_LIMITS.caseManagerReference),
};

export const referralDetailsSchema = z.object(referralDetailsFields);
export type ReferralDetails = z.infer<typeof referralDetailsSchema>;

/** The booking page's "Edit referral details": the whole set, as the form shows it. */
export const editReferralDetailsSchema = z.object({
  bookingId: recordIdField(),
  ...referralDetailsFields,
});
export type EditReferralDetailsInput = z.infer<typeof editReferralDetailsSchema>;

/** The fields whose value differs, each with what it was and what it is now (the audit's metadata). */
export function changedReferralFields(
  before: ReferralDetails,
  after: ReferralDetails,
): Partial<Record<ReferralField, { from: string | null; to: string | null }>> {
  const changed: Partial<Record<ReferralField, { from: string | null; to: string | null }>> = {};
  for (const field of REFERRAL_FIELDS) {
    if (before[field] !== after[field]) changed[field] = { from: before[field], to: after[field] };
  }
  return changed;
}
