import { inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { bookings } from "@/db/schema";
import type { BookingStatus } from "@/db/schema/enums";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import type { AuditContext } from "@/lib/audit/request-context";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Actor } from "@/lib/authz/actor";
import { canManageBookingStatus } from "@/lib/authz/policy";
import { BOOKING_STATUS_LABELS } from "@/lib/bookings/status-labels";

/** active → closed → archived; a closed booking may be reopened, an archived one is final. */
export const STATUS_TRANSITIONS: Record<BookingStatus, readonly BookingStatus[]> = {
  active: ["closed"],
  closed: ["archived", "active"],
  archived: [],
};

/**
 * Changes the status of several bookings at once, all or nothing: rows locked in id order
 * (two bulk changes cannot deadlock), each move checked, one audit row per booking. Bookings
 * already at the target are left alone and reported, so repeating a bulk close is harmless.
 */
export async function changeBookingStatus(
  tx: Tx,
  who: { actor: Actor; auditContext: AuditContext },
  input: { bookingIds: string[]; to: BookingStatus; note?: string | null },
): Promise<{ changed: string[]; unchanged: string[] }> {
  if (!canManageBookingStatus(who.actor)) throw new NotFoundError("That booking");
  const ids = [...new Set(input.bookingIds)].sort();
  const rows = await tx
    .select({ id: bookings.id, status: bookings.status, examineeName: bookings.examineeName })
    .from(bookings)
    .where(inArray(bookings.id, ids))
    .orderBy(bookings.id)
    .for("update");
  if (rows.length !== ids.length)
    throw new NotFoundError(ids.length === 1 ? "That booking" : "One of the selected bookings");

  const refused = rows.filter(
    (row) => row.status !== input.to && !STATUS_TRANSITIONS[row.status].includes(input.to),
  );
  if (refused.length > 0) {
    const names = refused
      .slice(0, 5)
      .map((r) => `${r.examineeName} (${BOOKING_STATUS_LABELS[r.status].toLowerCase()})`)
      .join(", ");
    throw new UserFacingError(
      "conflict",
      `${refused.length} of the selected bookings cannot become ${BOOKING_STATUS_LABELS[input.to].toLowerCase()}: ${names}${refused.length > 5 ? ", …" : ""}. Nothing was changed.`,
    );
  }
  const note = input.note?.trim() || null;
  const moving = rows.filter((row) => row.status !== input.to);
  if (moving.length > 0) {
    // updated_at is the trigger's job.
    await tx
      .update(bookings)
      .set({ status: input.to })
      .where(
        inArray(
          bookings.id,
          moving.map((row) => row.id),
        ),
      );
    await recordAudit(
      tx,
      who.auditContext,
      moving.map((row) => ({
        action: "booking.status_changed" as const,
        resourceType: "booking" as const,
        resourceId: row.id,
        metadata: { from: row.status, to: input.to, note, bulk: rows.length > 1 },
      })),
    );
  }
  const changed = moving.map((row) => row.id);
  return { changed, unchanged: rows.filter((r) => r.status === input.to).map((r) => r.id) };
}
