import { eq } from "drizzle-orm";
import { documents, pendingUploads } from "@/db/schema";
import { UserFacingError } from "@/lib/actions/errors";
import { getStorage, type Storage } from "@/lib/storage/client";
import { deleteObject } from "@/lib/storage/delete-object";
import { headObject } from "@/lib/storage/head-object";
import { newId } from "@/lib/ids";
import type { DocumentActionContext } from "./context";
import { lockOwnPendingUpload } from "./find-pending-upload";
import type { PendingUploadInput } from "./schemas";

export interface ConfirmedDocument {
  documentId: string;
  bookingId: string;
  fileName: string;
}

const normalizeMime = (value: string | null) => (value ?? "").split(";")[0]!.trim().toLowerCase();

/**
 * Step 3 of an upload: the `documents` row exists only once the object really is in the
 * store with the size and type that were checked and signed. The document row, the removal
 * of the pending row and the audit row are one transaction (the action's).
 */
export async function confirmUpload(
  context: DocumentActionContext,
  input: PendingUploadInput,
  storage: Storage = getStorage(),
): Promise<ConfirmedDocument> {
  const { tx, audit } = context;
  const { pending } = await lockOwnPendingUpload(context, input.pendingUploadId);

  const stored = await headObject(pending.s3Key, storage);
  if (!stored) {
    throw new UserFacingError(`"${pending.fileName}" did not arrive in storage. Upload it again.`);
  }
  const wrongSize = stored.size !== pending.declaredSize;
  const wrongType = normalizeMime(stored.contentType) !== normalizeMime(pending.declaredMimeType);
  if (wrongSize || wrongType) {
    // Not the file that was checked: it must not linger where a later confirm could accept it.
    await deleteObject(pending.s3Key, storage);
    const what = wrongSize ? "its size" : "its file type";
    throw new UserFacingError(
      `The stored copy of "${pending.fileName}" is not the file that was checked (${what} differs), so it was removed. Upload it again.`,
    );
  }

  const documentId = newId();
  await tx.insert(documents).values({
    id: documentId,
    bookingId: pending.bookingId,
    uploadedById: pending.uploadedById,
    s3Key: pending.s3Key,
    fileName: pending.fileName,
    fileSize: stored.size,
    mimeType: pending.declaredMimeType,
    category: pending.category,
  });
  await tx.delete(pendingUploads).where(eq(pendingUploads.id, pending.id));
  await audit({
    action: "document.uploaded",
    resourceType: "document",
    resourceId: documentId,
    metadata: {
      bookingId: pending.bookingId,
      category: pending.category,
      fileName: pending.fileName,
      fileSize: stored.size,
      mimeType: pending.declaredMimeType,
      multipart: pending.multipartUploadId !== null,
    },
  });
  return { documentId, bookingId: pending.bookingId, fileName: pending.fileName };
}
