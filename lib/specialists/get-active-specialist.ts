import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { specialists } from "@/db/schema";
import { specialistSummaryColumns } from "@/lib/specialists/specialist-columns";

/** One active specialist with what booking needs (calendar, zone, address), or null. */
export async function getActiveSpecialist(db: DbOrTx, specialistId: string) {
  const [row] = await db
    .select(specialistSummaryColumns)
    .from(specialists)
    .where(and(eq(specialists.id, specialistId), eq(specialists.isActive, true)));
  return row ?? null;
}

export type ActiveSpecialist = NonNullable<Awaited<ReturnType<typeof getActiveSpecialist>>>;
