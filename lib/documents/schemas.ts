/** One zod schema per documents operation, shared by the server actions and their tests. */
import { z } from "zod";
import { DOCUMENT_CATEGORIES } from "@/db/schema/enums";
import { recordIdField, SEED_BOUNDS } from "@/lib/validation/limits";

const recordId = recordIdField();

export const requestUploadInput = z.object({
  bookingId: recordId,
  category: z.enum(DOCUMENT_CATEGORIES, "Choose what kind of document this is"),
  fileName: z
    .string()
    .trim()
    .min(1, "The file has no name")
    .max(
      SEED_BOUNDS.fileName,
      `File names may have at most ${SEED_BOUNDS.fileName} characters — rename the file`,
    ),
  // Only "is it a whole number" here: the size rules (empty, over 500 MB) are the upload
  // policy's, so their messages stay the plain-words ones of lib/storage/mime-policy.ts.
  size: z.coerce.number().int().nonnegative(),
  /** As the browser reported it; "" when it does not know the type. */
  mimeType: z
    .string()
    .max(SEED_BOUNDS.mimeType, "The browser reported an unknown file type — choose another file")
    .default(""),
});
export type RequestUploadInput = z.infer<typeof requestUploadInput>;

export const pendingUploadInput = z.object({ pendingUploadId: recordId });
export type PendingUploadInput = z.infer<typeof pendingUploadInput>;

export const completeMultipartInput = z.object({
  pendingUploadId: recordId,
  parts: z
    .array(
      z.object({
        partNumber: z.number().int().min(1).max(10_000),
        etag: z.string().min(1).max(200, "Retry the upload"),
      }),
    )
    .min(1)
    .max(10_000),
});
export type CompleteMultipartInput = z.infer<typeof completeMultipartInput>;

export const requestDownloadInput = z.object({ documentId: recordId });
export type RequestDownloadInput = z.infer<typeof requestDownloadInput>;
