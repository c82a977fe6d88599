import { and, asc, count, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { DbOrTx } from "@/db/client";
import { bookingProgress, bookings, documents, users } from "@/db/schema";
import type { ProgressStage } from "@/db/schema/enums";
import type { Actor } from "@/lib/authz/actor";
import { bookingVisibilityCondition } from "@/lib/authz/booking-scope";

const changedBy = alias(users, "changed_by");
const changedFor = alias(users, "changed_for");

export interface ProgressTimelineEntry {
  id: string;
  progress: ProgressStage;
  /** Who made the change: the admin, when they acted while impersonating. */
  changedByName: string;
  /** Whom they acted for while impersonating; null otherwise. */
  changedForName: string | null;
  notes: string | null;
  createdAt: Date;
  /** Set when this change moved the appointment: its old and new time. */
  appointmentFrom: Date | null;
  appointmentTo: Date | null;
}

/**
 * What the progress panel needs besides the booking: every progress row, oldest first, with
 * the names of who made it and for whom, and how many reports are uploaded (report_generated
 * needs one). Scoped by the viewer: a booking they may not see yields an empty view.
 */
export async function loadProgressView(db: DbOrTx, viewer: Actor, bookingId: string) {
  const visible = and(eq(bookings.id, bookingId), bookingVisibilityCondition(viewer));
  const [timeline, [reports]] = await Promise.all([
    db
      .select({
        id: bookingProgress.id,
        progress: bookingProgress.progress,
        changedByName: changedBy.name,
        changedForName: changedFor.name,
        notes: bookingProgress.notes,
        createdAt: bookingProgress.createdAt,
        appointmentFrom: bookingProgress.appointmentFrom,
        appointmentTo: bookingProgress.appointmentTo,
      })
      .from(bookingProgress)
      .innerJoin(bookings, eq(bookings.id, bookingProgress.bookingId))
      .innerJoin(changedBy, eq(changedBy.id, bookingProgress.changedById))
      .leftJoin(changedFor, eq(changedFor.id, bookingProgress.changedForId))
      .where(visible)
      .orderBy(asc(bookingProgress.createdAt), asc(bookingProgress.id)),
    db
      .select({ count: count() })
      .from(documents)
      .innerJoin(bookings, eq(bookings.id, documents.bookingId))
      .where(and(visible, eq(documents.category, "report"))),
  ]);
  return { timeline: timeline as ProgressTimelineEntry[], reportCount: Number(reports?.count ?? 0) };
}
