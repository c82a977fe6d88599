import { and, eq } from "drizzle-orm";
import { bookings, pendingUploads } from "@/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { canUploadDocument, isBookingArchived } from "@/lib/authz/policy";
import { ARCHIVED_MESSAGE } from "@/lib/bookings/progress/messages";
import { bookingAccessColumns, bookingVisibilityCondition } from "@/lib/authz/booking-scope";
import type { DocumentActionContext } from "./context";

/**
 * The caller's own pending upload, locked for the rest of the transaction so two confirms
 * of one upload can't both create a document. Someone else's upload, one of a booking the
 * actor no longer sees, or one they may no longer upload is not found.
 */
export async function lockOwnPendingUpload(
  { tx, actor, auditContext }: Pick<DocumentActionContext, "tx" | "actor" | "auditContext">,
  pendingUploadId: string,
) {
  const [row] = await tx
    .select({
      pending: pendingUploads,
      booking: bookingAccessColumns,
    })
    .from(pendingUploads)
    .innerJoin(bookings, eq(bookings.id, pendingUploads.bookingId))
    .where(
      and(
        eq(pendingUploads.id, pendingUploadId),
        eq(pendingUploads.uploadedById, auditContext.actorUserId),
        bookingVisibilityCondition(actor),
      ),
    )
    .for("update", { of: pendingUploads });
  if (!row) throw new NotFoundError("That upload");
  // Archived while the bytes were on their way: the booking is visible, so saying why hints at nothing.
  if (isBookingArchived(row.booking)) throw new UserFacingError("conflict", ARCHIVED_MESSAGE);
  if (!canUploadDocument(actor, row.booking, row.pending.category)) throw new NotFoundError("That upload");
  return row;
}

export type LockedPendingUpload = Awaited<ReturnType<typeof lockOwnPendingUpload>>;
