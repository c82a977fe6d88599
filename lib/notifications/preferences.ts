import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationPreferences } from "@/db/schema";
import { EMAIL_KINDS, type EmailKind } from "@/lib/notifications/kinds";

/**
 * Each user's e-mail choices, as the sender needs them: the kinds they switched OFF. Only choices
 * that differ from the default (every e-mail on) are stored, so a user absent from the map gets
 * everything. One query for a whole recipient list, not one per recipient.
 */
export async function loadEmailPreferences(
  db: DbOrTx,
  userIds: readonly string[],
): Promise<Map<string, Set<EmailKind>>> {
  const switchedOff = new Map<string, Set<EmailKind>>();
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return switchedOff;
  const rows = await db
    .select({ userId: notificationPreferences.userId, kind: notificationPreferences.kind })
    .from(notificationPreferences)
    .where(
      and(inArray(notificationPreferences.userId, unique), eq(notificationPreferences.emailEnabled, false)),
    );
  for (const row of rows) {
    // A row naming a kind that no longer exists is ignored rather than trusted.
    if (!(row.kind in EMAIL_KINDS)) continue;
    const set = switchedOff.get(row.userId) ?? new Set<EmailKind>();
    set.add(row.kind);
    switchedOff.set(row.userId, set);
  }
  return switchedOff;
}

/**
 * Whether a user whose switched-off kinds are `switchedOff` gets an e-mail of `kind`. Kinds that are
 * always sent (report ready, security) ignore the choice — a stored "off" cannot silence them.
 */
export function wantsEmail(switchedOff: ReadonlySet<EmailKind> | undefined, kind: EmailKind): boolean {
  if (EMAIL_KINDS[kind].alwaysSent) return true;
  return !switchedOff?.has(kind);
}
