import { asc, count, eq, isNotNull, isNull } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { feeSchedulePrices, feeSchedules, organizations, specialists } from "@/db/schema";
import type { AppointmentType } from "@/db/schema/enums";
import { specialtyKey, type FeeSchedule } from "./fee-schedule-in-effect";

export interface FeeScheduleSummary {
  schedule: FeeSchedule;
  organizationName: string | null;
  priceCount: number;
}

/** Admin → Billing → Fee schedules: the default and every organization's own, with price counts. */
export async function listFeeSchedules(db: DbOrTx): Promise<{
  defaultSchedule: FeeScheduleSummary | null;
  organizationSchedules: FeeScheduleSummary[];
  organizationsWithout: { id: string; name: string }[];
}> {
  const rows = await db
    .select({ schedule: feeSchedules, organizationName: organizations.name })
    .from(feeSchedules)
    .leftJoin(organizations, eq(organizations.id, feeSchedules.organizationId))
    .orderBy(asc(organizations.name));
  const counts = await db
    .select({ id: feeSchedulePrices.feeScheduleId, n: count() })
    .from(feeSchedulePrices)
    .groupBy(feeSchedulePrices.feeScheduleId);
  const priceCount = (id: string) => counts.find((c) => c.id === id)?.n ?? 0;
  const summaries = rows.map((row) => ({ ...row, priceCount: priceCount(row.schedule.id) }));
  const withSchedule = new Set(summaries.map((s) => s.schedule.organizationId).filter(Boolean));
  const allOrganizations = await db
    .select({ id: organizations.id, name: organizations.name })
    .from(organizations)
    .orderBy(asc(organizations.name));
  return {
    defaultSchedule: summaries.find((s) => s.schedule.organizationId === null) ?? null,
    organizationSchedules: summaries.filter((s) => s.schedule.organizationId !== null),
    organizationsWithout: allOrganizations.filter((o) => !withSchedule.has(o.id)),
  };
}

export interface FeeScheduleFormData {
  organization: { id: string; name: string } | null;
  /** The saved schedule, or null when this scope has none yet (the form starts from the default's values). */
  schedule: FeeSchedule | null;
  startingValues: Pick<
    FeeSchedule,
    | "currency"
    | "taxRateBasisPoints"
    | "lateCancellationFeeMinor"
    | "lateCancellationWindowHours"
    | "noShowFeeMinor"
  >;
  /** One row per specialty: the active specialists' ones and any the schedule already prices. */
  rows: { specialty: string; prices: Partial<Record<AppointmentType, number>> }[];
}

const FRESH_SCHEDULE = {
  currency: "CAD",
  taxRateBasisPoints: 1300,
  lateCancellationFeeMinor: 0,
  lateCancellationWindowHours: 48,
  noShowFeeMinor: 0,
};

/** The edit form of the default schedule (organizationId null) or an organization's; null if no such organization. */
export async function loadFeeScheduleForm(
  db: DbOrTx,
  organizationId: string | null,
): Promise<FeeScheduleFormData | null> {
  let organization: FeeScheduleFormData["organization"] = null;
  if (organizationId) {
    const [row] = await db
      .select({ id: organizations.id, name: organizations.name })
      .from(organizations)
      .where(eq(organizations.id, organizationId));
    if (!row) return null;
    organization = row;
  }
  const [schedule] = await db
    .select()
    .from(feeSchedules)
    .where(
      organizationId ? eq(feeSchedules.organizationId, organizationId) : isNull(feeSchedules.organizationId),
    );
  const [fallback] = organizationId
    ? await db.select().from(feeSchedules).where(isNull(feeSchedules.organizationId))
    : [];
  const prices = schedule
    ? await db.select().from(feeSchedulePrices).where(eq(feeSchedulePrices.feeScheduleId, schedule.id))
    : [];
  const active = await db
    .selectDistinct({ specialty: specialists.specialty })
    .from(specialists)
    .where(isNotNull(specialists.specialty));

  const rows = new Map<string, FeeScheduleFormData["rows"][number]>();
  for (const { specialty } of active)
    rows.set(specialtyKey(specialty), { specialty: specialty.trim(), prices: {} });
  for (const price of prices) {
    const row = rows.get(specialtyKey(price.specialty)) ?? { specialty: price.specialty, prices: {} };
    row.prices[price.appointmentType] = price.amountMinor;
    rows.set(specialtyKey(price.specialty), row);
  }
  return {
    organization,
    schedule: schedule ?? null,
    startingValues: schedule ?? fallback ?? FRESH_SCHEDULE,
    rows: [...rows.values()].sort((a, b) => a.specialty.localeCompare(b.specialty)),
  };
}
