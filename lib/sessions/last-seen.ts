import { and, eq, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { sessions } from "@/db/schema";

/**
 * "Last seen" is a session's updated_at, which better-auth moves only when it refreshes the
 * session (once a day). The portal moves it when it resolves the session for a page or action —
 * at most once per this many minutes, so a busy person costs one write per five minutes, not one
 * per request. The screens say "to within 5 minutes".
 */
export const LAST_SEEN_MINUTES = 5;

/** Marks the session seen now, unless that was already done within LAST_SEEN_MINUTES. */
export async function recordSessionSeen(
  db: DbOrTx,
  session: { id: string; updatedAt: Date | string },
  now = new Date(),
): Promise<void> {
  // A Date from the database; a string if a session ever comes from a cache's JSON.
  if (now.getTime() - new Date(session.updatedAt).getTime() < LAST_SEEN_MINUTES * 60_000) return;
  // The guard in SQL as well: two requests at once write once, and the value never moves back.
  await db
    .update(sessions)
    .set({ updatedAt: now })
    .where(
      and(
        eq(sessions.id, session.id),
        lt(
          sessions.updatedAt,
          sql`${now.toISOString()}::timestamptz - make_interval(mins => ${LAST_SEEN_MINUTES})`,
        ),
      ),
    );
}
