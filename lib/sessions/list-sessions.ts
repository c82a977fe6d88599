import { and, desc, eq, gt } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { sessions, users } from "@/db/schema";
import { deviceLabel } from "./device-label";

export interface ActiveSession {
  id: string;
  /** "Chrome 156 on Linux", from the user agent. */
  device: string;
  userAgent: string | null;
  ipAddress: string | null;
  signedInAt: Date;
  /** To within LAST_SEEN_MINUTES (lib/sessions/last-seen.ts). */
  lastSeenAt: Date;
  expiresAt: Date;
  /** Set when this is an admin's impersonation of the account: who is using it. */
  impersonatedBy: { id: string; name: string } | null;
}

const impersonator = alias(users, "impersonator");

/**
 * The account's sessions that still work (unexpired), the most recently seen first — including an
 * admin's impersonation of the account, which is the account being used and is shown as such.
 * Never the token.
 */
export async function listActiveSessions(
  db: DbOrTx,
  userId: string,
  now = new Date(),
): Promise<ActiveSession[]> {
  const rows = await db
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      ipAddress: sessions.ipAddress,
      signedInAt: sessions.createdAt,
      lastSeenAt: sessions.updatedAt,
      expiresAt: sessions.expiresAt,
      impersonatedById: sessions.impersonatedBy,
      impersonatorName: impersonator.name,
    })
    .from(sessions)
    .leftJoin(impersonator, eq(impersonator.id, sessions.impersonatedBy))
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.updatedAt), desc(sessions.id));
  return rows.map(({ impersonatedById, impersonatorName, ...row }) => ({
    ...row,
    device: deviceLabel(row.userAgent),
    impersonatedBy: impersonatedById
      ? { id: impersonatedById, name: impersonatorName ?? "An administrator" }
      : null,
  }));
}
