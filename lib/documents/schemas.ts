/** One zod schema per documents operation, shared by the server actions and their tests. */
import { z } from "zod";
import { DOCUMENT_CATEGORIES } from "@/db/schema/enums";

const recordId = z.string().trim().min(1).max(255);

export const requestUploadInput = z.object({
  bookingId: recordId,
  category: z.enum(DOCUMENT_CATEGORIES, "Choose what kind of document this is"),
  fileName: z.string().trim().min(1, "The file has no name").max(1000),
  // Only "is it a whole number" here: the size rules (empty, over 500 MB) are the upload
  // policy's, so their messages stay the plain-words ones of lib/storage/mime-policy.ts.
  size: z.coerce.number().int().nonnegative(),
  /** As the browser reported it; "" when it does not know the type. */
  mimeType: z.string().max(255).default(""),
});
export type RequestUploadInput = z.infer<typeof requestUploadInput>;

export const pendingUploadInput = z.object({ pendingUploadId: recordId });
export type PendingUploadInput = z.infer<typeof pendingUploadInput>;

export const completeMultipartInput = z.object({
  pendingUploadId: recordId,
  parts: z
    .array(z.object({ partNumber: z.number().int().min(1).max(10_000), etag: z.string().min(1).max(200) }))
    .min(1)
    .max(10_000),
});
export type CompleteMultipartInput = z.infer<typeof completeMultipartInput>;

export const requestDownloadInput = z.object({ documentId: recordId });
export type RequestDownloadInput = z.infer<typeof requestDownloadInput>;
