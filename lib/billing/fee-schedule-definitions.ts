import { eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { feeSchedulePrices, feeSchedules, organizations } from "@/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import type { ActionDefinition } from "@/lib/actions/define-action";
import { canManageFeeSchedules } from "@/lib/authz/policy";
import { deleteFeeScheduleSchema, saveFeeScheduleSchema, type FeeScheduleValues } from "./schemas";

const scheduleOf = (tx: Tx, organizationId: string | null) =>
  tx
    .select()
    .from(feeSchedules)
    .where(
      organizationId ? eq(feeSchedules.organizationId, organizationId) : isNull(feeSchedules.organizationId),
    )
    .for("update");

/** What an audit row says a schedule was or became: amounts only, in minor units. */
async function snapshotOf(tx: Tx, scheduleId: string) {
  const [schedule] = await tx.select().from(feeSchedules).where(eq(feeSchedules.id, scheduleId));
  if (!schedule) return null;
  const prices = await tx
    .select({
      specialty: feeSchedulePrices.specialty,
      appointmentType: feeSchedulePrices.appointmentType,
      amountMinor: feeSchedulePrices.amountMinor,
    })
    .from(feeSchedulePrices)
    .where(eq(feeSchedulePrices.feeScheduleId, scheduleId))
    .orderBy(feeSchedulePrices.specialty, feeSchedulePrices.appointmentType);
  return {
    currency: schedule.currency,
    taxRateBasisPoints: schedule.taxRateBasisPoints,
    lateCancellationFeeMinor: schedule.lateCancellationFeeMinor,
    lateCancellationWindowHours: schedule.lateCancellationWindowHours,
    noShowFeeMinor: schedule.noShowFeeMinor,
    prices,
  };
}

/**
 * Creates or replaces the default schedule (no organization) or an organization's own one. The
 * price lines are replaced as a whole; charges already made keep the amounts they copied.
 */
export const saveFeeScheduleDefinition: ActionDefinition<
  typeof saveFeeScheduleSchema,
  { feeScheduleId: string },
  true
> = {
  input: saveFeeScheduleSchema,
  authorize: canManageFeeSchedules,
  form: true,
  run: async ({ tx, actor, audit }, input: FeeScheduleValues) => {
    if (input.organizationId) {
      const [organization] = await tx
        .select({ id: organizations.id })
        .from(organizations)
        .where(eq(organizations.id, input.organizationId));
      if (!organization) throw new NotFoundError("That organization");
    }
    const fields = {
      currency: input.currency,
      taxRateBasisPoints: input.taxRateBasisPoints,
      lateCancellationFeeMinor: input.lateCancellationFeeMinor,
      lateCancellationWindowHours: input.lateCancellationWindowHours,
      noShowFeeMinor: input.noShowFeeMinor,
      updatedById: actor.userId,
      updatedAt: new Date(),
    };
    const [existing] = await scheduleOf(tx, input.organizationId);
    const before = existing ? await snapshotOf(tx, existing.id) : null;
    let scheduleId: string;
    if (existing) {
      scheduleId = existing.id;
      await tx.update(feeSchedules).set(fields).where(eq(feeSchedules.id, scheduleId));
      await tx.delete(feeSchedulePrices).where(eq(feeSchedulePrices.feeScheduleId, scheduleId));
    } else {
      const [created] = await tx
        .insert(feeSchedules)
        .values({ ...fields, organizationId: input.organizationId })
        .onConflictDoNothing()
        .returning({ id: feeSchedules.id });
      // Two admins creating the same schedule at once: the second is told to reload.
      if (!created)
        throw new UserFacingError("stale", "Someone else just created this schedule — reload and try again.");
      scheduleId = created.id;
    }
    if (input.prices.length > 0) {
      await tx
        .insert(feeSchedulePrices)
        .values(input.prices.map((price) => ({ ...price, feeScheduleId: scheduleId })));
    }
    await audit({
      action: "fee_schedule.saved",
      resourceType: "fee_schedule",
      resourceId: scheduleId,
      metadata: { organizationId: input.organizationId, from: before, to: await snapshotOf(tx, scheduleId) },
    });
    return { feeScheduleId: scheduleId };
  },
};

/** Removes an organization's own schedule: the default prices its events again. */
export const deleteFeeScheduleDefinition: ActionDefinition<
  typeof deleteFeeScheduleSchema,
  { deleted: true },
  true
> = {
  input: deleteFeeScheduleSchema,
  authorize: canManageFeeSchedules,
  form: true,
  run: async ({ tx, audit }, input) => {
    const [existing] = await scheduleOf(tx, input.organizationId);
    if (!existing) throw new NotFoundError("That organization's fee schedule");
    const before = await snapshotOf(tx, existing.id);
    await tx.delete(feeSchedules).where(eq(feeSchedules.id, existing.id));
    await audit({
      action: "fee_schedule.deleted",
      resourceType: "fee_schedule",
      resourceId: existing.id,
      metadata: { organizationId: input.organizationId, from: before },
    });
    return { deleted: true };
  },
};
