"use server";
/**
 * The documents section's mutations. Each one is open to any signed-in actor at the
 * wrapper (`authorize`), because the real question — may *this* actor upload *this*
 * category to *this* booking, or download *this* document — needs the record: the lib
 * functions ask the policy module (canUploadDocument / canDownloadDocument) and answer
 * "not found" otherwise. No file bytes pass through here, only names, sizes and URLs.
 */
import { defineAction } from "@/lib/actions/define-action";
import { cancelUpload } from "@/lib/documents/cancel-upload";
import { completeMultipart } from "@/lib/documents/complete-multipart";
import { confirmUpload } from "@/lib/documents/confirm-upload";
import { requestDownload } from "@/lib/documents/request-download";
import { requestUpload } from "@/lib/documents/request-upload";
import {
  completeMultipartInput,
  pendingUploadInput,
  requestDownloadInput,
  requestUploadInput,
} from "@/lib/documents/schemas";

const anySignedInActor = () => true;

export const requestDocumentUploadAction = defineAction({
  input: requestUploadInput,
  authorize: anySignedInActor,
  run: (context, input) => requestUpload(context, input),
});

export const confirmDocumentUploadAction = defineAction({
  input: pendingUploadInput,
  authorize: anySignedInActor,
  run: (context, input) => confirmUpload(context, input),
});

export const completeMultipartDocumentUploadAction = defineAction({
  input: completeMultipartInput,
  authorize: anySignedInActor,
  run: (context, input) => completeMultipart(context, input),
});

export const cancelDocumentUploadAction = defineAction({
  input: pendingUploadInput,
  authorize: anySignedInActor,
  run: (context, input) => cancelUpload(context, input),
});

export const requestDocumentDownloadAction = defineAction({
  input: requestDownloadInput,
  authorize: anySignedInActor,
  run: (context, input) => requestDownload(context, input),
});
