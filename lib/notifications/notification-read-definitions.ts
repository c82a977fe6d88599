/**
 * Marking in-app notifications read, as definitions for defineAction (the page's actions.ts
 * wraps them; tests wrap them with a fixture actor). Only the actor's own rows, and only those
 * they may still see: anything else is "not found", like a booking outside their rights.
 */
import { and, eq, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { bookings, notifications } from "@/db/schema";
import type { ActionDefinition } from "@/lib/actions/define-action";
import { NotFoundError } from "@/lib/actions/errors";
import type { Actor } from "@/lib/authz/actor";
import { notificationVisibilityCondition } from "./notification-scope";

/** Ids of the actor's notifications they may see now (and, optionally, that also meet `extra`). */
const visibleIdsOf = (tx: Tx, actor: Actor, extra?: SQL) =>
  tx
    .select({ id: notifications.id })
    .from(notifications)
    .leftJoin(bookings, eq(bookings.id, notifications.bookingId))
    .where(and(notificationVisibilityCondition(actor), extra));

export const markNotificationReadSchema = z.object({ notificationId: z.string().trim().min(1).max(255) });

/** Every signed-in user has a list of their own; the record-level check is the scope in run(). */
const anySignedInUser = () => true;

export const markNotificationReadDefinition: ActionDefinition<
  typeof markNotificationReadSchema,
  { notificationId: string; changed: boolean }
> = {
  input: markNotificationReadSchema,
  authorize: anySignedInUser,
  run: async ({ tx, actor, audit }, { notificationId }) => {
    const [row] = await visibleIdsOf(tx, actor, eq(notifications.id, notificationId)).for("update", {
      of: notifications,
    });
    if (!row) throw new NotFoundError("That notification");
    const updated = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.id, notificationId), isNull(notifications.readAt)))
      .returning({ id: notifications.id });
    // Already read: nothing changed, so nothing to audit (opening it twice is not two acts).
    if (updated.length > 0)
      await audit({ action: "notification.read", resourceType: "notification", resourceId: notificationId });
    return { notificationId, changed: updated.length > 0 };
  },
};

export const markAllNotificationsReadSchema = z.object({}).strict();

export const markAllNotificationsReadDefinition: ActionDefinition<
  typeof markAllNotificationsReadSchema,
  { marked: number }
> = {
  input: markAllNotificationsReadSchema,
  authorize: anySignedInUser,
  run: async ({ tx, actor, audit }) => {
    // Only what the list shows: a notification of a booking the reader can no longer see stays
    // as it was (it is not theirs to act on), and is never counted.
    const updated = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(isNull(notifications.readAt), inArray(notifications.id, visibleIdsOf(tx, actor))))
      .returning({ id: notifications.id });
    if (updated.length > 0)
      await audit({
        action: "notifications.read_all",
        resourceType: "user",
        resourceId: actor.userId,
        metadata: { count: updated.length },
      });
    return { marked: updated.length };
  },
};
