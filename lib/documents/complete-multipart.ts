import { UserFacingError } from "@/lib/actions/errors";
import { getStorage, type Storage } from "@/lib/storage/client";
import { completeMultipartUpload } from "@/lib/storage/multipart";
import { confirmUpload, type ConfirmedDocument } from "./confirm-upload";
import type { DocumentActionContext } from "./context";
import { lockOwnPendingUpload } from "./find-pending-upload";
import type { CompleteMultipartInput } from "./schemas";

/**
 * The end of a multipart upload: S3 joins the parts the browser reports (part number and
 * ETag of each), then the object goes through the same confirm as a single PUT. A failed
 * join leaves the upload open, so the browser can re-send a part and try again; the
 * cleanup job aborts it after a day otherwise.
 */
export async function completeMultipart(
  context: DocumentActionContext,
  input: CompleteMultipartInput,
  storage: Storage = getStorage(),
): Promise<ConfirmedDocument> {
  const { pending } = await lockOwnPendingUpload(context, input.pendingUploadId);
  if (!pending.multipartUploadId)
    throw new UserFacingError("invalid_input", "This upload was not sent in parts; confirm it instead.");

  try {
    await completeMultipartUpload(
      { key: pending.s3Key, uploadId: pending.multipartUploadId, parts: input.parts },
      storage,
    );
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === "NoSuchUpload")
      throw new UserFacingError(
        "expired",
        `The upload of "${pending.fileName}" was cancelled or expired. Upload it again.`,
      );
    if (name === "InvalidPart" || name === "InvalidPartOrder" || name === "EntityTooSmall") {
      throw new UserFacingError(
        "invalid_input",
        `Some parts of "${pending.fileName}" did not arrive intact. Retry the upload.`,
      );
    }
    throw error;
  }
  return confirmUpload(context, { pendingUploadId: pending.id }, storage);
}
