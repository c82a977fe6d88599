import type { Tx } from "@/db/client";
import * as t from "@/db/schema";
import type { ProgressStage } from "@/db/schema/enums";
import { APPOINTMENT_TYPES } from "@/db/schema/enums";
import { DEMO_CALENDARS } from "@/lib/acuity/demo-calendars";
import { insertChargeForStageChange } from "@/lib/billing/record-charge";

/**
 * The demo's default fee schedule (CAD, 13 % HST, late = within 48 hours): a price for every
 * demo specialty in person, telehealth $50 less — fixed amounts, so the seed stays the same.
 */
const EXAMINATION_PRICES_CAD: Record<string, number> = {
  "Orthopaedic Surgery": 1_850_00,
  Psychiatry: 2_100_00,
  Neurology: 1_950_00,
  "Occupational Medicine": 1_250_00,
  Psychology: 1_600_00,
  Rheumatology: 1_450_00,
};

export async function seedDemoFeeSchedule(tx: Tx, adminId: string): Promise<void> {
  const [schedule] = await tx
    .insert(t.feeSchedules)
    .values({
      organizationId: null,
      currency: "CAD",
      taxRateBasisPoints: 1300,
      lateCancellationFeeMinor: 450_00,
      lateCancellationWindowHours: 48,
      noShowFeeMinor: 600_00,
      updatedById: adminId,
    })
    .returning({ id: t.feeSchedules.id });
  const specialties = [...new Set(DEMO_CALENDARS.map((calendar) => calendar.specialty))];
  await tx.insert(t.feeSchedulePrices).values(
    specialties.flatMap((specialty) =>
      APPOINTMENT_TYPES.map((appointmentType) => ({
        feeScheduleId: schedule!.id,
        specialty,
        appointmentType,
        amountMinor:
          (EXAMINATION_PRICES_CAD[specialty] ?? 1_500_00) - (appointmentType === "telehealth" ? 50_00 : 0),
      })),
    ),
  );
}

/**
 * The charges a demo booking's history would have made, through the same function the stage
 * changes call (report generated, a late referrer cancellation, a no-show), at each row's time.
 */
export async function seedDemoCharges(
  tx: Tx,
  bookingId: string,
  history: { progress: ProgressStage; createdAt: Date }[],
): Promise<void> {
  for (const row of history) {
    await insertChargeForStageChange(tx, {
      bookingId,
      to: row.progress,
      at: row.createdAt,
      cancelledBy: "referrer",
    });
  }
}
