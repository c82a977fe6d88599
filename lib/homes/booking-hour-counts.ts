/**
 * Live bookings per hour and stage, as the database keeps them (db/schema/booking-hour-counts.ts,
 * migration 0032): what the admin's per-week chart sums instead of walking each booking, and the
 * scheduled fold that keeps it one row per hour and stage.
 */
import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { queryNamed } from "@/db/named-statement";
import type { ProgressStage } from "@/db/schema/enums";

/** Every ten minutes: between folds an hour and stage holds a row per statement that changed it. */
export const HOUR_COUNTS_FOLD_CRON = "*/10 * * * *";

/** Whether an instant is a whole UTC hour — a boundary the kept hours can be summed up to. */
export const onWholeUtcHour = (instant: Date) => instant.getTime() % 3_600_000 === 0;

/** Instants as a timestamptz array, for width_bucket: it files each row by comparison alone. */
export const instantArray = (instants: Date[]) =>
  sql`array[${sql.join(
    instants.map((instant) => sql`${instant.toISOString()}::timestamptz`),
    sql`, `,
  )}]`;

export interface BucketCount {
  /** 1 for [edges[0], edges[1]), … as width_bucket numbers them. */
  bucket: number;
  stage: ProgressStage;
  n: number;
}

/**
 * Live bookings per stage between consecutive `edges` (each a whole UTC hour, ascending), summed
 * from the kept hours. Platform-wide: callers decide the viewer sees every booking.
 */
export async function countsBetweenHourEdges(db: DbOrTx, edges: Date[]): Promise<BucketCount[]> {
  if (!edges.every(onWholeUtcHour)) throw new Error("the kept counts are per whole UTC hour");
  const edgeArray = instantArray(edges);
  // Named (db/named-statement.ts): the same text every load, its plan kept (planning was ≈ 1.6 ms).
  return queryNamed<BucketCount>(
    db,
    sql`
    SELECT width_bucket(hour, ${edgeArray}) AS bucket, stage, sum(n)::int AS n
      FROM booking_hour_counts
     WHERE hour >= ${edges[0]!.toISOString()}::timestamptz AND hour < ${edges.at(-1)!.toISOString()}::timestamptz
     GROUP BY 1, 2`,
  );
}

/**
 * Sums each hour and stage's rows into one (dropping those that come to zero), in one statement:
 * rows appended meanwhile by other transactions are not in its snapshot and stay as they are, and
 * two folds at once each sum only the rows they deleted. Returns the rows before and after.
 */
export async function foldBookingHourCounts(db: DbOrTx): Promise<{ before: number; after: number }> {
  const result = await db.execute<{ before: number; after: number }>(sql`
    WITH unfolded AS (
      SELECT hour, stage FROM booking_hour_counts GROUP BY 1, 2 HAVING count(*) > 1 OR sum(n) = 0
    ), removed AS (
      DELETE FROM booking_hour_counts kept USING unfolded
       WHERE kept.hour = unfolded.hour AND kept.stage = unfolded.stage
      RETURNING kept.hour, kept.stage, kept.n
    ), summed AS (
      INSERT INTO booking_hour_counts (hour, stage, n)
      SELECT hour, stage, sum(n) FROM removed GROUP BY 1, 2 HAVING sum(n) <> 0
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM removed)::int AS before, (SELECT count(*) FROM summed)::int AS after`);
  return result.rows[0]!;
}
