import { and, desc, eq, isNull, or, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { queryNamed } from "@/db/named-statement";
import { bookings, notificationEvents, notifications, specialists } from "@/db/schema";
import type { Actor } from "@/lib/authz/actor";
import type { NotificationSubject } from "./describe-notification";
import { notificationVisibilityCondition } from "./notification-scope";

export interface NotificationRow extends NotificationSubject {
  id: string;
  createdAt: Date;
  readAt: Date | null;
}

export interface NotificationPage {
  items: NotificationRow[];
  /** Pass as `before` for the next (older) page; null when this page is the last. */
  nextBefore: string | null;
}

/**
 * The keyset cursor: the row's created_at *as Postgres wrote it* (microseconds — a JS Date keeps
 * only milliseconds, and a rounded cursor would skip or repeat rows created in the same
 * millisecond) and its id, base64url so it travels in a URL.
 */
interface Cursor {
  at: string;
  id: string;
}

const POSTGRES_TIMESTAMPTZ = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

const encodeCursor = (cursor: Cursor) => Buffer.from(JSON.stringify(cursor)).toString("base64url");

function decodeCursor(raw: string | undefined): Cursor | null {
  if (!raw) return null;
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Partial<Cursor>;
    if (typeof value.at !== "string" || typeof value.id !== "string") return null;
    // Only what Postgres writes for a timestamptz, so a tampered cursor never reaches the cast.
    if (!POSTGRES_TIMESTAMPTZ.test(value.at)) return null;
    return { at: value.at, id: value.id };
  } catch {
    return null;
  }
}

const scopedFrom = <T extends DbOrTx>(db: T) =>
  db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      createdAt: notifications.createdAt,
      createdAtText: sql<string>`${notifications.createdAt}::text`,
      readAt: notifications.readAt,
      bookingId: notifications.bookingId,
      facts: notificationEvents.facts,
      appointmentAt: bookings.appointmentDate,
      specialistName: specialists.name,
      specialistZone: specialists.timezone,
    })
    .from(notifications)
    .innerJoin(notificationEvents, eq(notificationEvents.id, notifications.eventId))
    .leftJoin(bookings, eq(bookings.id, notifications.bookingId))
    .leftJoin(specialists, eq(specialists.id, bookings.specialistId));

/**
 * The actor's notifications, newest first, limited to what they may see now
 * (notification-scope.ts). `before` is a previous page's `nextBefore`; an unreadable one reads
 * as the first page.
 */
export async function listNotifications(
  db: DbOrTx,
  actor: Actor,
  { limit, before }: { limit: number; before?: string | null },
): Promise<NotificationPage> {
  const cursor = decodeCursor(before ?? undefined);
  const conditions: SQL[] = [notificationVisibilityCondition(actor)];
  if (cursor) {
    const at = sql`${cursor.at}::timestamptz`;
    conditions.push(
      or(
        sql`${notifications.createdAt} < ${at}`,
        and(sql`${notifications.createdAt} = ${at}`, sql`${notifications.id} < ${cursor.id}`),
      )!,
    );
  }
  const rows = await scopedFrom(db)
    .where(and(...conditions))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map(({ createdAtText: _text, ...row }) => row),
    nextBefore: rows.length > limit && last ? encodeCursor({ at: last.createdAtText, id: last.id }) : null,
  };
}

/** How many of the actor's visible notifications are unread — the bell's badge. */
export async function countUnreadNotifications(db: DbOrTx, actor: Actor): Promise<number> {
  // On every page (the layout's bell): parsed and planned once per connection.
  const [row] = await queryNamed<{ unread: number }>(
    db,
    sql`select count(*)::int as unread from ${notifications}
          left join ${bookings} on ${bookings.id} = ${notifications.bookingId}
         where ${and(notificationVisibilityCondition(actor), isNull(notifications.readAt))}`,
  );
  return row?.unread ?? 0;
}
