import { eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { rateLimits } from "@/db/schema";
import { newId } from "@/lib/ids";

/**
 * Wrong current passwords on "Change password", per account. The action calls better-auth
 * in-process, which skips its rate limiter, so without this a stolen session could guess the
 * password at will. Counted in better-auth's own rate_limits table (shared by every app
 * instance), under a key of the portal's; outside the action's transaction, so a refusal's
 * rollback does not undo the count.
 */
export const WRONG_PASSWORD_LIMIT = { window: 15 * 60, max: 5 } as const;

const keyOf = (userId: string) => `portal:change-password:${userId}`;

/** Whether the account has used up its wrong tries for now. */
export async function wrongPasswordsExhausted(
  db: DbOrTx,
  userId: string,
  now = Date.now(),
): Promise<boolean> {
  const [row] = await db
    .select()
    .from(rateLimits)
    .where(eq(rateLimits.key, keyOf(userId)));
  if (!row || now - row.lastRequest > WRONG_PASSWORD_LIMIT.window * 1000) return false;
  return row.count >= WRONG_PASSWORD_LIMIT.max;
}

/** Counts one wrong try; a try after a quiet window starts the count again. */
export async function countWrongPassword(db: DbOrTx, userId: string, now = Date.now()): Promise<void> {
  const windowStart = now - WRONG_PASSWORD_LIMIT.window * 1000;
  await db
    .insert(rateLimits)
    .values({ id: newId(), key: keyOf(userId), count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`CASE WHEN ${rateLimits.lastRequest} < ${windowStart} THEN 1 ELSE ${rateLimits.count} + 1 END`,
        lastRequest: now,
      },
    });
}

/** A right password clears the count. */
export async function clearWrongPasswords(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(rateLimits).where(eq(rateLimits.key, keyOf(userId)));
}
