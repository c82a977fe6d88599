import { pendingUploads } from "@/db/schema";
import { NotFoundError, UserFacingError } from "@/lib/actions/errors";
import { canUploadDocument, isBookingArchived } from "@/lib/authz/policy";
import { ARCHIVED_MESSAGE } from "@/lib/bookings/progress/messages";
import { buildDocumentKey } from "@/lib/storage/keys";
import { checkUpload } from "@/lib/storage/mime-policy";
import {
  abortMultipartUpload,
  createMultipartUpload,
  MULTIPART_PART_SIZE_BYTES,
  PART_URL_TTL_SECONDS,
  planParts,
  presignUploadParts,
  shouldUseMultipart,
  type PresignedPart,
} from "@/lib/storage/multipart";
import { presignUpload } from "@/lib/storage/presign-upload";
import { safeFileName } from "@/lib/storage/safe-file-name";
import { getStorage, type Storage } from "@/lib/storage/client";
import { newId } from "@/lib/ids";
import { CATEGORY_LABELS } from "./category-labels";
import type { DocumentActionContext } from "./context";
import { findBookingAccessForViewer } from "./find-booking-access";
import type { RequestUploadInput } from "./schemas";

/** What the browser does next: one signed PUT, or signed PUTs per part then "complete". */
export type UploadPlan =
  | {
      kind: "single";
      pendingUploadId: string;
      url: string;
      headers: { "Content-Type": string };
      expiresAt: string;
    }
  | {
      kind: "multipart";
      pendingUploadId: string;
      partSize: number;
      parts: PresignedPart[];
      expiresAt: string;
    };

/**
 * Step 1 of an upload: the policy, the file checks, a server-made key, a pending row (so an
 * upload that is never confirmed can be found and deleted) and the signed URL(s). The
 * portal never sees the file's bytes — only its name, size and type.
 */
export async function requestUpload(
  { tx, actor, auditContext }: DocumentActionContext,
  input: RequestUploadInput,
  storage: Storage = getStorage(),
): Promise<UploadPlan> {
  const booking = await findBookingAccessForViewer(tx, actor, input.bookingId);
  if (!booking) throw new NotFoundError("That booking");
  if (isBookingArchived(booking)) throw new UserFacingError("conflict", ARCHIVED_MESSAGE);
  if (!canUploadDocument(actor, booking, input.category)) {
    // The booking is visible, so saying "not allowed" hints at nothing new.
    throw new UserFacingError(
      "forbidden",
      `You can't upload ${CATEGORY_LABELS[input.category].many.toLowerCase()} to this booking.`,
      {
        category: ["Choose a kind of document you may upload"],
      },
    );
  }

  const check = checkUpload({
    category: input.category,
    mimeType: input.mimeType,
    size: input.size,
    fileName: input.fileName,
  });
  if (!check.ok) {
    throw new UserFacingError("invalid_input", `${check.errors.join(". ")}.`, { file: check.errors });
  }

  const key = buildDocumentKey(booking.organizationId, booking.id);
  const pendingUploadId = newId();
  const pendingRow = {
    id: pendingUploadId,
    bookingId: booking.id,
    uploadedById: auditContext.actorUserId,
    s3Key: key,
    fileName: safeFileName(input.fileName),
    declaredSize: input.size,
    declaredMimeType: check.contentType,
    category: input.category,
  };

  if (!shouldUseMultipart(input.size)) {
    await tx.insert(pendingUploads).values(pendingRow);
    const signed = await presignUpload(
      { key, contentType: check.contentType, contentLength: input.size },
      storage,
    );
    return {
      kind: "single",
      pendingUploadId,
      url: signed.url,
      headers: signed.headers,
      expiresAt: signed.expiresAt.toISOString(),
    };
  }

  const { uploadId } = await createMultipartUpload({ key, contentType: check.contentType }, storage);
  try {
    await tx.insert(pendingUploads).values({ ...pendingRow, multipartUploadId: uploadId });
    const parts = await presignUploadParts({ key, uploadId, parts: planParts(input.size) }, storage);
    return {
      kind: "multipart",
      pendingUploadId,
      partSize: MULTIPART_PART_SIZE_BYTES,
      parts,
      expiresAt: new Date(Date.now() + PART_URL_TTL_SECONDS * 1000).toISOString(),
    };
  } catch (error) {
    // Without its pending row nothing would ever clean this upload up.
    await abortMultipartUpload({ key, uploadId }, storage).catch(() => {});
    throw error;
  }
}
