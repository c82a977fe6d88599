import { z } from "zod";
import { APPOINTMENT_TYPES, type AppointmentType } from "@/db/schema/enums";
import { isKnownCurrency, parseMoney, parsePercent } from "./money";

export const MONEY_HINT = "Enter an amount like 450.00";

/** The form's name for a price input: `price_<row>_<type>`; each row's specialty is `specialty_<row>`. */
export const priceFieldName = (row: number, type: AppointmentType) => `price_${row}_${type}`;
export const specialtyFieldName = (row: number) => `specialty_${row}`;

export interface FeeScheduleValues {
  organizationId: string | null;
  currency: string;
  taxRateBasisPoints: number;
  lateCancellationFeeMinor: number;
  lateCancellationWindowHours: number;
  noShowFeeMinor: number;
  prices: { specialty: string; appointmentType: AppointmentType; amountMinor: number }[];
}

const rowsOf = (raw: Record<string, unknown>) =>
  Object.keys(raw)
    .map((key) => /^specialty_(\d+)$/.exec(key)?.[1])
    .filter((row): row is string => row !== undefined)
    .map(Number)
    .sort((a, b) => a - b);

const text = (raw: Record<string, unknown>, key: string) => {
  const value = raw[key];
  return typeof value === "string" ? value.trim() : "";
};

/**
 * A fee schedule as its form posts it: every amount a string in the schedule's currency, each
 * error under the input's own name so the form shows it next to that field. An empty price
 * means "no price" for that specialty and type.
 */
export const saveFeeScheduleSchema = z
  .object({
    organizationId: z.string().trim().optional(),
    currency: z.string().trim().toUpperCase(),
    taxRate: z.string(),
    lateCancellationFee: z.string(),
    lateCancellationWindowHours: z.string(),
    noShowFee: z.string(),
  })
  .catchall(z.string())
  .transform((raw, ctx): FeeScheduleValues => {
    const fail = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message });
    const currency = raw.currency;
    const currencyOk = isKnownCurrency(currency);
    if (!currencyOk) fail("currency", "Enter a three-letter currency code like CAD.");
    const money = (key: string) => {
      const parsed = currencyOk ? parseMoney(text(raw, key), currency) : 0;
      if (parsed === null) fail(key, MONEY_HINT);
      return parsed ?? 0;
    };
    const taxRateBasisPoints = parsePercent(raw.taxRate);
    if (taxRateBasisPoints === null) fail("taxRate", "Enter a rate like 13 or 13.00 (0 to 100).");
    const hours = raw.lateCancellationWindowHours.trim();
    const windowHours = /^\d{1,3}$/.test(hours) ? Number(hours) : NaN;
    if (!(windowHours >= 0 && windowHours <= 720))
      fail("lateCancellationWindowHours", "Enter whole hours from 0 to 720, like 48.");

    const prices: FeeScheduleValues["prices"] = [];
    const seen = new Set<string>();
    for (const row of rowsOf(raw)) {
      const specialty = text(raw, specialtyFieldName(row));
      if (!specialty) continue;
      if (specialty.length > 255) fail(specialtyFieldName(row), "Use at most 255 characters.");
      for (const appointmentType of APPOINTMENT_TYPES) {
        const key = priceFieldName(row, appointmentType);
        if (text(raw, key) === "") continue;
        const line = `${specialty.toLocaleLowerCase("en")}|${appointmentType}`;
        if (seen.has(line)) fail(key, `${specialty} is listed twice.`);
        seen.add(line);
        prices.push({ specialty, appointmentType, amountMinor: money(key) });
      }
    }
    return {
      organizationId: raw.organizationId || null,
      currency,
      taxRateBasisPoints: taxRateBasisPoints ?? 0,
      lateCancellationFeeMinor: money("lateCancellationFee"),
      lateCancellationWindowHours: windowHours,
      noShowFeeMinor: money("noShowFee"),
      prices,
    };
  });

export const deleteFeeScheduleSchema = z.object({ organizationId: z.string().trim().min(1) });

export const waiveChargeSchema = z.object({
  chargeId: z.string().trim().min(1),
  reason: z
    .string()
    .trim()
    .min(1, "Say why the charge is waived — the organization's invoice will not carry it.")
    .max(500, "Keep the reason under 500 characters."),
});
