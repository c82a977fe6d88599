import { asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { documents, users } from "@/db/schema";
import type { DocumentCategory } from "@/db/schema/enums";
import type { Actor } from "@/lib/authz/actor";
import { canDownloadDocument } from "@/lib/authz/policy";
import { CATEGORY_ORDER } from "./category-labels";
import { findBookingAccessForViewer } from "./find-booking-access";

export interface ListedDocument {
  id: string;
  fileName: string;
  fileSize: number;
  mimeType: string;
  uploadedByName: string;
  uploadedAt: Date;
}

export interface DocumentGroup {
  category: DocumentCategory;
  documents: ListedDocument[];
}

/**
 * A booking's documents as the viewer may see them, grouped by category in page order
 * (empty categories included, so the page can say "none yet"). A document the viewer may
 * not download is not listed at all — referrers never learn a dictation exists. Null when
 * the booking is missing or not visible.
 */
export async function listDocumentsForViewer(
  db: DbOrTx,
  viewer: Actor,
  bookingId: string,
): Promise<DocumentGroup[] | null> {
  const booking = await findBookingAccessForViewer(db, viewer, bookingId);
  if (!booking) return null;
  const rows = await db
    .select({
      id: documents.id,
      fileName: documents.fileName,
      fileSize: documents.fileSize,
      mimeType: documents.mimeType,
      category: documents.category,
      uploadedByName: users.name,
      uploadedAt: documents.createdAt,
    })
    .from(documents)
    .innerJoin(users, eq(users.id, documents.uploadedById))
    .where(eq(documents.bookingId, booking.id))
    .orderBy(asc(documents.createdAt), asc(documents.id));

  return CATEGORY_ORDER.filter((category) => canDownloadDocument(viewer, booking, category)).map(
    (category) => ({
      category,
      documents: rows
        .filter((row) => row.category === category)
        .map(({ category: _category, uploadedAt, ...rest }) => ({
          ...rest,
          uploadedAt: uploadedAt ?? new Date(0),
        })),
    }),
  );
}
