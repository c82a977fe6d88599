import { and, eq } from "drizzle-orm";
import { bookings, documents } from "@/db/schema";
import { NotFoundError } from "@/lib/actions/errors";
import { bookingAccessColumns, bookingVisibilityCondition } from "@/lib/authz/booking-scope";
import { canDownloadDocument } from "@/lib/authz/policy";
import { getStorage, type Storage } from "@/lib/storage/client";
import { presignDownload } from "@/lib/storage/presign-download";
import type { DocumentActionContext } from "./context";
import type { RequestDownloadInput } from "./schemas";

export interface DownloadLink {
  url: string;
  fileName: string;
  expiresAt: string;
}

/**
 * A one-minute link for one download, written to the audit trail in the same transaction.
 * A document of a booking the viewer may not see, and a dictation asked for by a referrer,
 * are both simply not found — no URL, no audit row, no hint.
 */
export async function requestDownload(
  { tx, actor, audit }: DocumentActionContext,
  input: RequestDownloadInput,
  storage: Storage = getStorage(),
): Promise<DownloadLink> {
  const [row] = await tx
    .select({
      document: {
        id: documents.id,
        s3Key: documents.s3Key,
        fileName: documents.fileName,
        category: documents.category,
      },
      booking: bookingAccessColumns,
    })
    .from(documents)
    .innerJoin(bookings, eq(bookings.id, documents.bookingId))
    .where(and(eq(documents.id, input.documentId), bookingVisibilityCondition(actor)));
  if (!row || !canDownloadDocument(actor, row.booking, row.document.category))
    throw new NotFoundError("That document");

  const signed = await presignDownload({ key: row.document.s3Key, fileName: row.document.fileName }, storage);
  await audit({
    action: "document.downloaded",
    resourceType: "document",
    resourceId: row.document.id,
    metadata: { bookingId: row.booking.id, category: row.document.category, fileName: row.document.fileName },
  });
  return { url: signed.url, fileName: row.document.fileName, expiresAt: signed.expiresAt.toISOString() };
}
