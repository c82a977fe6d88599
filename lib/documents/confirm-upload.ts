import { eq } from "drizzle-orm";
import { documents, pendingUploads } from "@/db/schema";
import { CommittedRefusal, UserFacingError } from "@/lib/actions/errors";
import { getStorage, type Storage } from "@/lib/storage/client";
import { checkStoredContent, type ContentVerdict } from "@/lib/storage/check-stored-content";
import { copyObject } from "@/lib/storage/copy-object";
import { deleteObject } from "@/lib/storage/delete-object";
import { headObject } from "@/lib/storage/head-object";
import { confirmedDocumentKey } from "@/lib/storage/keys";
import { newId } from "@/lib/ids";
import type { DocumentActionContext } from "./context";
import { lockOwnPendingUpload, type LockedPendingUpload } from "./find-pending-upload";
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
 *
 * A presigned PUT URL cannot be revoked: it stays valid for its whole lifetime, after this
 * confirm too. So the bytes are copied (server-side) to a key no URL ever named, the checks run
 * on that copy, and the document points at it: what downloads from now on is exactly what was
 * checked here, whatever the holder of the old URL sends later. The upload key is deleted; a
 * later PUT to it lands beside the document and is never served. Multipart uploads end here too.
 *
 * Last check: the copy's first bytes must be the type the upload claimed (check-stored-content.ts).
 */
export async function confirmUpload(
  context: DocumentActionContext,
  input: PendingUploadInput,
  storage: Storage = getStorage(),
): Promise<ConfirmedDocument> {
  const { tx, audit } = context;
  const { pending } = await lockOwnPendingUpload(context, input.pendingUploadId);
  const documentKey = confirmedDocumentKey(pending.s3Key, pending.id);

  const copied = await copyObject(pending.s3Key, documentKey, storage);
  const stored = copied ? await headObject(documentKey, storage) : null;
  if (!stored) {
    throw new UserFacingError(
      "invalid_input",
      `"${pending.fileName}" did not arrive in storage. Upload it again.`,
    );
  }
  const wrongSize = stored.size !== pending.declaredSize;
  const wrongType = normalizeMime(stored.contentType) !== normalizeMime(pending.declaredMimeType);
  if (wrongSize || wrongType) {
    // Not the file that was checked: it must not linger where a later confirm could accept it.
    await deleteObject(documentKey, storage);
    await deleteObject(pending.s3Key, storage);
    const what = wrongSize ? "its size" : "its file type";
    throw new UserFacingError(
      "invalid_input",
      `The stored copy of "${pending.fileName}" is not the file that was checked (${what} differs), so it was removed. Upload it again.`,
    );
  }

  const verdict = await checkStoredContent(documentKey, pending.declaredMimeType, stored.size, storage);
  if (!verdict.ok) await refuseUpload(context, pending, documentKey, verdict, storage);

  const documentId = newId();
  await tx.insert(documents).values({
    id: documentId,
    bookingId: pending.bookingId,
    uploadedById: pending.uploadedById,
    s3Key: documentKey,
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
  // Last, so a failure before it leaves the upload as it was for a retry (the copy is redone onto the same key).
  await deleteObject(pending.s3Key, storage);
  return { documentId, bookingId: pending.bookingId, fileName: pending.fileName };
}

/**
 * The bytes are not what the upload claimed (a program renamed .pdf): nothing of it stays —
 * both objects deleted, the pending row gone, the refusal audited — and the uploader is told
 * why in one sentence. Thrown as a CommittedRefusal, so these writes commit with the failure:
 * a retry of the same file can only be refused again, and there is nothing left to retry.
 */
async function refuseUpload(
  { tx, audit }: DocumentActionContext,
  pending: LockedPendingUpload["pending"],
  documentKey: string,
  verdict: Extract<ContentVerdict, { ok: false }>,
  storage: Storage,
): Promise<never> {
  await deleteObject(documentKey, storage);
  await deleteObject(pending.s3Key, storage);
  await tx.delete(pendingUploads).where(eq(pendingUploads.id, pending.id));
  await audit({
    action: "document.refused",
    resourceType: "booking",
    resourceId: pending.bookingId,
    metadata: {
      pendingUploadId: pending.id,
      category: pending.category,
      fileName: pending.fileName,
      declaredSize: pending.declaredSize,
      declaredMimeType: pending.declaredMimeType,
      detected: verdict.detected,
      multipart: pending.multipartUploadId !== null,
    },
  });
  throw new CommittedRefusal("wrong_file_type", verdict.reason);
}
