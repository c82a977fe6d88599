import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";

/** The database's clock: one clock for every app instance when ordering Acuity reads. */
export async function databaseNow(db: DbOrTx): Promise<Date> {
  const result = await db.execute<{ now: Date }>(sql`SELECT clock_timestamp() AS now`);
  return new Date(result.rows[0]!.now);
}
