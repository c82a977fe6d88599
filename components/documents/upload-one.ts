/**
 * One file's upload, start to end: the portal signs it, the bytes go straight to storage
 * (upload-transfer.ts), the portal confirms it. Loaded by DocumentUploader when a kind of document
 * is picked or a file is chosen — most visits to a booking upload nothing, and the booking page's
 * first load is held to a budget (issue 14).
 */
import {
  cancelDocumentUploadAction,
  completeMultipartDocumentUploadAction,
  confirmDocumentUploadAction,
  requestDocumentUploadAction,
} from "@/app/(portal)/bookings/[bookingId]/documents-actions";
import type { DocumentCategory } from "@/db/schema/enums";
import type { ErrorCode } from "@/lib/errors/codes";
import type { UploadItem } from "./upload-row";
import { TransferCancelled, transferFile } from "./upload-transfer";

/** A running upload: what cancels it, and what storage may hold for it once the portal signed it. */
export type RunningUpload = { controller: AbortController; pendingUploadId: string | null };

const failureText = (result: { error: string; fieldErrors: Record<string, string[]> }) =>
  result.fieldErrors.file?.length ? `${result.fieldErrors.file.join(". ")}.` : result.error;

/**
 * Whether sending the same file again can help: only when the portal or storage did not answer,
 * or the file did not arrive. A file refused for what it is (its type or size before sending,
 * `wrong_file_type` after reading it) or a booking the person may not add to gets no "Retry".
 */
const RETRYABLE_CODES = new Set<ErrorCode>(["upstream_unavailable", "rate_limited", "internal", "stale"]);
const retryable = (stage: "request" | "confirm", code: ErrorCode) =>
  RETRYABLE_CODES.has(code) ||
  // Confirm's invalid_input is "did not arrive in storage, upload it again": a new try can work.
  (stage === "confirm" && code === "invalid_input");

/** Uploads `file`; every outcome is said through `update` (the row) and `announce` (done, cancelled). */
export async function uploadOne({
  bookingId,
  file,
  category,
  run,
  update,
  announce,
  refresh,
}: {
  bookingId: string;
  file: File;
  category: DocumentCategory;
  run: RunningUpload;
  update: (patch: Partial<UploadItem>) => void;
  announce: (text: string) => void;
  refresh: () => void;
}): Promise<void> {
  const { controller } = run;
  try {
    const plan = await requestDocumentUploadAction({
      bookingId,
      category,
      fileName: file.name,
      size: file.size,
      mimeType: file.type,
    });
    if (controller.signal.aborted) throw new TransferCancelled();
    // Failures are said by the row's alert; success through the page's polite live region.
    if (!plan.ok)
      return update({
        status: "failed",
        retryable: retryable("request", plan.code),
        error: failureText(plan),
      });
    run.pendingUploadId = plan.data.pendingUploadId;

    update({ status: "uploading" });
    const parts = await transferFile(
      file,
      plan.data,
      (sentBytes) => update({ sentBytes }),
      controller.signal,
    );

    update({ status: "confirming", sentBytes: file.size });
    const pendingUploadId = plan.data.pendingUploadId;
    const confirmed =
      plan.data.kind === "multipart"
        ? await completeMultipartDocumentUploadAction({ pendingUploadId, parts })
        : await confirmDocumentUploadAction({ pendingUploadId });
    if (!confirmed.ok)
      return update({
        status: confirmed.code === "wrong_file_type" ? "refused" : "failed",
        retryable: retryable("confirm", confirmed.code),
        error: confirmed.error,
      });
    update({ status: "done" });
    announce(`Upload complete: ${file.name}.`);
    refresh();
  } catch (error) {
    if (error instanceof TransferCancelled || controller.signal.aborted) {
      announce(`Upload cancelled: ${file.name}.`);
      return update({ status: "cancelled", error: null });
    }
    // The transfer itself broke (network, an expired link): a new try asks for a new link.
    update({
      status: "failed",
      retryable: true,
      error: error instanceof Error ? error.message : "The upload failed. Retry.",
    });
  }
}

/** Stops a running upload; frees what storage may already hold (the daily cleanup would catch it otherwise). */
export function cancelUpload(run: RunningUpload) {
  run.controller.abort();
  if (run.pendingUploadId) void cancelDocumentUploadAction({ pendingUploadId: run.pendingUploadId });
}
