import { eq, inArray, isNull, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { feeSchedulePrices, feeSchedules } from "@/db/schema";
import type { AppointmentType } from "@/db/schema/enums";

export type FeeSchedule = typeof feeSchedules.$inferSelect;
export type FeeSchedulePrice = typeof feeSchedulePrices.$inferSelect;

/** Specialties are free text on the specialist; "Orthopedics " and "orthopedics" are one line. */
export const specialtyKey = (specialty: string) => specialty.trim().toLocaleLowerCase("en");

export interface ScheduleInEffect {
  /** The organization's own schedule, else the default; null when billing is not set up at all. */
  schedule: FeeSchedule | null;
  /** The examination price for a specialty and appointment type, and the schedule it came from. */
  priceOf: (
    specialty: string,
    type: AppointmentType,
  ) => { amountMinor: number; feeScheduleId: string } | null;
}

/**
 * The schedule that prices an organization's chargeable events now: its own when it has one,
 * else the default. An examination price the organization's schedule does not list falls back
 * to the default's, but only in the same currency (an amount means nothing in another one).
 */
export async function feeScheduleInEffect(db: DbOrTx, organizationId: string): Promise<ScheduleInEffect> {
  const schedules = await db
    .select()
    .from(feeSchedules)
    .where(or(eq(feeSchedules.organizationId, organizationId), isNull(feeSchedules.organizationId)));
  const own = schedules.find((s) => s.organizationId === organizationId) ?? null;
  const fallback = schedules.find((s) => s.organizationId === null) ?? null;
  const schedule = own ?? fallback;
  if (!schedule) return { schedule: null, priceOf: () => null };

  const chain = [schedule, ...(own && fallback && fallback.currency === own.currency ? [fallback] : [])];
  const prices = await db
    .select()
    .from(feeSchedulePrices)
    .where(
      inArray(
        feeSchedulePrices.feeScheduleId,
        chain.map((s) => s.id),
      ),
    );
  return {
    schedule,
    priceOf: (specialty, type) => {
      for (const link of chain) {
        const line = prices.find(
          (p) =>
            p.feeScheduleId === link.id &&
            p.appointmentType === type &&
            specialtyKey(p.specialty) === specialtyKey(specialty),
        );
        if (line) return { amountMinor: line.amountMinor, feeScheduleId: link.id };
      }
      return null;
    },
  };
}
