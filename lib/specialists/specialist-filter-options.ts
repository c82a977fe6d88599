import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { specialists } from "@/db/schema";
import { cityOf } from "./city";

/** The specialties and cities the finder's filters offer: those of active specialists. */
export async function specialistFilterOptions(
  db: DbOrTx,
): Promise<{ specialties: string[]; cities: string[] }> {
  const rows = await db
    .select({ specialty: specialists.specialty, location: specialists.location })
    .from(specialists)
    .where(eq(specialists.isActive, true));
  const unique = (values: (string | null)[]) =>
    [...new Set(values.filter((v): v is string => Boolean(v)))].sort();
  return {
    specialties: unique(rows.map((r) => r.specialty)),
    cities: unique(rows.map((r) => cityOf(r.location))),
  };
}
