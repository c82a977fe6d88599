import { eq } from "drizzle-orm";
import { pendingUploads } from "@/db/schema";
import { getStorage, type Storage } from "@/lib/storage/client";
import { deleteObject } from "@/lib/storage/delete-object";
import { confirmedDocumentKey } from "@/lib/storage/keys";
import { abortMultipartUpload } from "@/lib/storage/multipart";
import type { DocumentActionContext } from "./context";
import { lockOwnPendingUpload } from "./find-pending-upload";
import type { PendingUploadInput } from "./schemas";

/**
 * The user cancelled an upload: free what the store may already hold (stored parts, or an
 * object whose PUT finished just before the cancel) and forget the pending row. Audited on the
 * booking (no document row ever existed): it deletes whatever bytes had reached the store.
 */
export async function cancelUpload(
  context: DocumentActionContext,
  input: PendingUploadInput,
  storage: Storage = getStorage(),
): Promise<{ cancelled: true }> {
  const { pending } = await lockOwnPendingUpload(context, input.pendingUploadId);
  if (pending.multipartUploadId) {
    await abortMultipartUpload({ key: pending.s3Key, uploadId: pending.multipartUploadId }, storage).catch(
      (error: unknown) => {
        if ((error as { name?: string }).name !== "NoSuchUpload") throw error;
      },
    );
  }
  await deleteObject(pending.s3Key, storage);
  // Bytes a confirm copied before it rolled back, if one did.
  await deleteObject(confirmedDocumentKey(pending.s3Key, pending.id), storage);
  await context.tx.delete(pendingUploads).where(eq(pendingUploads.id, pending.id));
  await context.audit({
    action: "document.upload_cancelled",
    resourceType: "booking",
    resourceId: pending.bookingId,
    metadata: {
      pendingUploadId: pending.id,
      category: pending.category,
      fileName: pending.fileName,
      declaredSize: pending.declaredSize,
      multipart: pending.multipartUploadId !== null,
    },
  });
  return { cancelled: true };
}
